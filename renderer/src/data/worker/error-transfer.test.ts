import { transferHandlers } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { KredoError } from '../../../../shared/errors/kredo-error';
import { KredoApiError } from '../../platform/kredo-api';
import { uiThrowHandler } from '../data-client';
import { keepErrorCodesAcrossComlink, type codedThrowHandler } from './error-transfer';

type Handler = ReturnType<typeof codedThrowHandler>;
const original = transferHandlers.get('throw')!;
afterEach(() => void transferHandlers.set('throw', original));

/** What the other side of the thread boundary receives: the serialized form, structured-cloned, thrown by its handler. */
function across(from: Handler, to: Handler, error: unknown): unknown {
  const [serialized] = from.serialize({ value: error });
  try {
    to.deserialize(structuredClone(serialized));
  } catch (thrown) {
    return thrown;
  }
  throw new Error('deserialize did not throw');
}

describe('errors crossing between the screen and the data worker', () => {
  it('carries the outbox refusal a screen callback throws through the worker and back with its code, so the screen says it in the user’s language', () => {
    const ui = uiThrowHandler(original as Handler);
    keepErrorCodesAcrossComlink();
    const worker = transferHandlers.get('throw') as Handler;

    // Processing the worklist: the worker calls the screen's queueMail, which the main process refused.
    const inWorker = across(ui, worker, new KredoApiError('mail.stillInOutbox', { to: 'jan@devries.example' }));
    expect(inWorker).toBeInstanceOf(KredoError);
    const onScreen = across(worker, ui, inWorker);
    expect(onScreen).toBeInstanceOf(KredoApiError);
    expect(onScreen).toMatchObject({ code: 'mail.stillInOutbox', params: { to: 'jan@devries.example' } });
  });

  it('leaves an error without a code as it was', () => {
    keepErrorCodesAcrossComlink();
    const worker = transferHandlers.get('throw') as Handler;
    const onScreen = across(worker, uiThrowHandler(original as Handler), new TypeError('boom'));
    expect(onScreen).not.toBeInstanceOf(KredoApiError);
    expect(onScreen).toMatchObject({ message: 'boom' });
  });
});
