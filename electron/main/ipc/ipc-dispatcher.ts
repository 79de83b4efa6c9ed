import { KredoError, serializeError } from '../../../shared/errors/kredo-error';
import { INVOKE_CHANNELS, type InvokeMethod } from '../../../shared/ipc/channels';
import { INVOKE_CONTRACT } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/ipc-result';
import { errorFields, type Logger } from '../services/logger';
import type { IpcHandlers } from './ipc-handlers';

export type IpcDispatch = (channel: string, payload: unknown, senderUrl: string) => Promise<IpcResult<unknown>>;

const METHOD_BY_CHANNEL = new Map<string, InvokeMethod>(
  (Object.entries(INVOKE_CHANNELS) as [InvokeMethod, string][]).map(([method, channel]) => [channel, method]),
);

/**
 * The single entry point for every call from the renderer. The renderer is treated as untrusted (Electron
 * security checklist §17): the sender's origin is checked, the payload is parsed against the contract, and
 * only then does the handler run. The handler's answer is checked too, so a bug cannot leak fields the
 * contract does not name. Errors go back as codes the renderer translates; unexpected ones are logged with
 * their stack and reach the user as the generic "internal" message.
 */
export function createIpcDispatcher(options: {
  handlers: IpcHandlers;
  isAllowedSender: (url: string) => boolean;
  logger: Logger;
}): IpcDispatch {
  const { handlers, isAllowedSender, logger } = options;
  return async (channel, payload, senderUrl) => {
    const method = METHOD_BY_CHANNEL.get(channel);
    if (!method) {
      logger.warn('IPC call on an unknown channel refused', { channel });
      return failure(new KredoError('ipc.unknownChannel', { channel }));
    }
    if (!isAllowedSender(senderUrl)) {
      logger.warn('IPC call from a foreign page refused', { channel, senderUrl });
      return failure(new KredoError('ipc.forbiddenSender'));
    }
    const schemas = INVOKE_CONTRACT[method];
    const request = schemas.request.safeParse(payload);
    if (!request.success) {
      logger.warn('IPC request does not match the contract', { channel, issues: request.error.issues });
      return failure(new KredoError('ipc.invalidRequest', { channel }));
    }
    try {
      const handler = handlers[method] as (request: unknown) => unknown;
      const value = schemas.response.parse(await handler(request.data));
      return { ok: true, value };
    } catch (error) {
      if (error instanceof KredoError) {
        logger.info('IPC call ended with a user-facing error', { channel, code: error.code });
      } else {
        logger.error('IPC handler failed', { channel, ...errorFields(error) });
      }
      return failure(error);
    }
  };
}

function failure(error: unknown): IpcResult<never> {
  return { ok: false, error: serializeError(error) };
}
