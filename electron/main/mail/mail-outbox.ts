import type { MailOutboxEntry, MailOutcome } from '../../../shared/ipc/mail-contract';
import { DEFAULT_RETRY_POLICY, isDue, retryDelay, type RetryPolicy } from '../../../shared/sync/retry-policy';
import { KredoError } from '../../../shared/errors/kredo-error';
import type { Logger } from '../services/logger';
import { OutboxStore, type OutboxRecord } from './mail-outbox-store';
import { classifySmtpFailure } from './smtp-failure';
import type { SmtpSession } from './smtp-session';

/**
 * How long a message that keeps failing transiently is tried: five days, the queue lifetime RFC 5321
 * §4.5.4.1 suggests for mail servers ("at least 4-5 days"); after that it is marked failed like a refusal.
 */
export const GIVE_UP_AFTER_MS = 5 * 24 * 3_600_000;

export interface MailOutboxOptions {
  readonly folder: string;
  readonly logger: Logger;
  /** Signs in to the controller's mailbox with the settings and password in force. */
  readonly connect: () => Promise<SmtpSession>;
  /** Called after a message was sent, failed or found uncertain: the renderer records it on the timeline. */
  readonly onOutcome: () => void;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly policy?: RetryPolicy;
}

export interface QueuedMessage {
  readonly key: string;
  readonly debtorId: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
}

export interface MailOutbox {
  /**
   * Queues a message once: `build` makes its bytes for the Message-ID given here, which the message keeps.
   * A key already in the outbox keeps its message (`queued: false`), so processing the same letter again
   * sends nothing twice; while that message is refused or uncertain it throws `mail.stillInOutbox` instead.
   */
  queue(message: QueuedMessage, messageId: string, build: (messageId: string) => Promise<Buffer>, letter?: string): Promise<{ readonly messageId: string; readonly queued: boolean }>;
  withdraw(key: string): Promise<boolean>;
  /** What the outbox holds for the controller to see: messages waiting to be sent, and refused or uncertain ones. */
  list(): MailOutboxEntry[];
  /** What a queued message was built from (the `letter` given to `queue`), for building it again. */
  letter(key: string): Promise<string | undefined>;
  /**
   * Sends a refused or uncertain message again. To the same address it is the same message — same bytes, same
   * Message-ID — tried once more; to another (corrected) address it is a new message, built by `rebuild` with
   * a new Message-ID (RFC 5322 §3.6.4: a Message-ID names one message, and this one says something else).
   */
  resend(key: string, to: string, rebuild: (messageId: string) => Promise<Buffer>, newMessageId: () => string): Promise<{ readonly messageId: string }>;
  /** Forgets a refused or uncertain message the controller will not send again; it stays on the timeline. */
  dismiss(key: string): Promise<boolean>;
  /** Messages sent, failed or uncertain that the renderer has not yet recorded, oldest first. */
  outcomes(limit?: number): Promise<MailOutcome[]>;
  acknowledge(keys: readonly string[]): Promise<void>;
  /** Messages still to send (queued or waiting for a retry). */
  waiting(): number;
  /** Tries to send what is due now (after queueing, after the settings changed, at start). */
  kick(): void;
  close(): Promise<void>;
}

/**
 * The outbox of e-mail, kept by the main process in its data folder so it survives restarts and offline
 * periods and goes on sending whether or not a window is open. Each message is sent at most once and, unless
 * the server refuses it, exactly once:
 *
 * - its record says `sending` (fsynced) before its SMTP transaction starts, and `sent` once the server
 *   answered 250 to the end of DATA (RFC 5321 §4.1.1.4) — the moment the server took responsibility for it;
 * - a transient failure (a 4xx reply, a dropped connection, a timeout) came before that 250, so the message
 *   was not accepted: it is queued again with back-off (shared/sync/retry-policy.ts);
 * - a permanent refusal (5xx) marks it failed, with the server's reply;
 * - a record still saying `sending` when the outbox opens means Kredo stopped during a transaction. The
 *   server may have sent its 250 just before: resending could deliver the letter twice, and a dunning letter
 *   received twice is worse for the controller than one they are asked to check. It is therefore NOT sent
 *   again but marked `uncertain` on the debtor's timeline (look in the mailbox's Sent folder or ask the
 *   debtor), with the exact message kept. Signing in happens before the record says `sending`, so a stop
 *   while connecting leaves the message queued and it is sent as usual.
 */
export async function openMailOutbox(options: MailOutboxOptions): Promise<MailOutbox> {
  const { logger } = options;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const store = await OutboxStore.open(options.folder, logger);
  const records = new Map<string, OutboxRecord>();
  for (const record of await store.list()) records.set(record.key, record);
  let seq = Math.max(0, ...[...records.values()].map((record) => record.seq + 1));

  async function write(record: OutboxRecord): Promise<OutboxRecord> {
    await store.put(record);
    records.set(record.key, record);
    return record;
  }

  let foundUncertain = false;
  for (const record of records.values()) {
    if (record.state !== 'sending') continue;
    logger.warn('E-mail found mid-transaction after a restart; not sent again, marked uncertain', { key: record.key, messageId: record.messageId });
    await write({ ...record, state: 'uncertain', finishedAt: now().toISOString(), code: 'mail.uncertain' });
    foundUncertain = true;
  }

  let closed = false;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Back-off of the connection itself (offline, wrong password): no message's attempts are spent on it. */
  let connectFailures = 0;
  let connectNotBefore: string | undefined;

  const isWaiting = (record: OutboxRecord) => record.state === 'queued';

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const waiting = [...records.values()].filter(isWaiting);
    if (closed || waiting.length === 0) return;
    const earliest = Math.min(...waiting.map((record) => (record.notBefore !== undefined ? Date.parse(record.notBefore) : now().getTime())));
    const at = connectNotBefore !== undefined ? Math.max(Date.parse(connectNotBefore), earliest) : earliest;
    timer = setTimeout(kick, Math.min(Math.max(0, at - now().getTime()), policy.maxDelayMs));
    timer.unref?.();
  }

  /** When a waiting message is tried next: after its own back-off and the connection's, whichever is later. */
  function nextTry(record: OutboxRecord): string | undefined {
    const times = [record.notBefore, connectNotBefore].filter((at): at is string => at !== undefined);
    return times.length === 0 ? undefined : new Date(Math.max(...times.map((at) => Date.parse(at)))).toISOString();
  }

  function nextDue(): OutboxRecord | undefined {
    const at = now();
    if (!isDue(connectNotBefore, at, policy)) return undefined;
    return [...records.values()].filter((record) => isWaiting(record) && isDue(record.notBefore, at, policy)).sort((a, b) => a.seq - b.seq)[0];
  }

  async function sendOne(session: SmtpSession, record: OutboxRecord): Promise<'continue' | 'reconnect'> {
    const sending = await write({ ...record, state: 'sending', attempts: record.attempts + 1 });
    try {
      const response = await session.send({ from: sending.from, to: sending.to }, await store.message(sending.key));
      const { notBefore: _notBefore, ...rest } = sending;
      await write({ ...rest, state: 'sent', finishedAt: now().toISOString(), response: response.slice(0, 1000) });
      logger.info('E-mail sent', { key: sending.key, messageId: sending.messageId, attempts: sending.attempts });
      options.onOutcome();
      return 'continue';
    } catch (error) {
      const failure = classifySmtpFailure(error);
      const givenUp = failure.transient && now().getTime() - Date.parse(sending.queuedAt) >= GIVE_UP_AFTER_MS;
      const detail = { code: failure.code, ...(failure.response !== undefined && { response: failure.response }) };
      if (failure.transient && !givenUp) {
        const notBefore = new Date(now().getTime() + retryDelay(sending.attempts - 1, undefined, random, policy)).toISOString();
        await write({ ...sending, state: 'queued', notBefore, ...detail });
        logger.warn('E-mail not sent yet; trying again later', { key: sending.key, ...detail, notBefore });
      } else {
        await write({ ...sending, state: 'failed', finishedAt: now().toISOString(), ...detail });
        logger.warn('E-mail refused', { key: sending.key, ...detail });
        options.onOutcome();
      }
      // After any failure the connection's state is unknown (RSET may be owed, the socket may be gone): the
      // next message starts a new one.
      return 'reconnect';
    }
  }

  async function drain(): Promise<void> {
    let session: SmtpSession | undefined;
    try {
      for (let record = nextDue(); record && !closed; record = nextDue()) {
        if (!session) {
          try {
            session = await options.connect();
            connectFailures = 0;
            connectNotBefore = undefined;
          } catch (error) {
            const failure = classifySmtpFailure(error);
            connectNotBefore = new Date(now().getTime() + retryDelay(connectFailures, undefined, random, policy)).toISOString();
            connectFailures += 1;
            logger.warn('Could not sign in to the mailbox; the outbox tries again later', { code: failure.code, response: failure.response, notBefore: connectNotBefore });
            return;
          }
        }
        if ((await sendOne(session, record)) === 'reconnect') {
          session.close();
          session = undefined;
        }
      }
    } finally {
      session?.close();
    }
  }

  function kick(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await drain();
        } catch (error) {
          logger.error('The e-mail outbox stopped on an error', { message: error instanceof Error ? error.message : String(error) });
        }
      } while (again && !closed);
    })().finally(() => {
      running = undefined;
      schedule();
    });
  }

  if (foundUncertain) options.onOutcome();

  return {
    async queue(message, messageId, build, letter) {
      const existing = records.get(message.key);
      // A refused or uncertain message waits for the controller's Send again (or Remove) on the debtor's
      // E-mail outbox panel: queueing the letter anew would have its kept copy say "queued" while this one
      // stays failed, and for an uncertain one could deliver it twice. So it is refused, and nothing is sent.
      if (existing && (existing.state === 'failed' || existing.state === 'uncertain')) throw new KredoError('mail.stillInOutbox', { to: existing.to });
      if (existing) return { messageId: existing.messageId, queued: false };
      const bytes = await build(messageId);
      const record: OutboxRecord = { ...message, messageId, state: 'queued', queuedAt: now().toISOString(), seq: seq++, attempts: 0 };
      await store.add(record, bytes, letter);
      records.set(record.key, record);
      kick();
      return { messageId, queued: true };
    },
    async withdraw(key) {
      const record = records.get(key);
      if (!record || record.state !== 'queued') return false;
      records.delete(key);
      await store.remove(key);
      return true;
    },
    list: () =>
      [...records.values()]
        .filter((record) => record.state !== 'sent')
        .sort((a, b) => a.seq - b.seq)
        .map((record) => ({
          key: record.key,
          debtorId: record.debtorId,
          messageId: record.messageId,
          state: record.state === 'failed' || record.state === 'uncertain' ? record.state : ('pending' as const),
          to: record.to,
          subject: record.subject,
          queuedAt: record.queuedAt,
          attempts: record.attempts,
          ...(record.state === 'queued' && nextTry(record) !== undefined && { nextTryAt: nextTry(record) }),
          ...(record.code !== undefined && { code: record.code }),
          ...(record.response !== undefined && { response: record.response }),
        })),
    letter: (key) => store.letter(key),
    async resend(key, to, rebuild, newMessageId) {
      const record = records.get(key);
      if (!record || (record.state !== 'failed' && record.state !== 'uncertain')) throw new KredoError('mail.notInOutbox');
      const { notBefore: _notBefore, finishedAt: _finishedAt, code: _code, response: _response, recorded: _recorded, ...kept } = record;
      const again: OutboxRecord = { ...kept, state: 'queued', queuedAt: now().toISOString(), seq: seq++, attempts: 0 };
      if (to.trim().toLowerCase() === record.to.trim().toLowerCase()) await write(again);
      else {
        const messageId = newMessageId();
        const changed: OutboxRecord = { ...again, to, messageId };
        await store.add(changed, await rebuild(messageId));
        records.set(key, changed);
      }
      kick();
      return { messageId: records.get(key)!.messageId };
    },
    async dismiss(key) {
      const record = records.get(key);
      if (!record || (record.state !== 'failed' && record.state !== 'uncertain')) return false;
      records.delete(key);
      await store.remove(key);
      return true;
    },
    async outcomes(limit = 50) {
      const finished = [...records.values()].filter((record) => (record.state === 'sent' || record.state === 'failed' || record.state === 'uncertain') && !record.recorded).sort((a, b) => a.seq - b.seq).slice(0, limit);
      const out: MailOutcome[] = [];
      for (const record of finished) {
        out.push({
          key: record.key,
          debtorId: record.debtorId,
          messageId: record.messageId,
          state: record.state as MailOutcome['state'],
          at: record.finishedAt ?? record.queuedAt,
          to: record.to,
          subject: record.subject,
          attempts: record.attempts,
          ...(record.state !== 'sent' && record.code !== undefined && { code: record.code }),
          ...(record.response !== undefined && { response: record.response }),
          emlBase64: (await store.message(record.key)).toString('base64'),
        });
      }
      return out;
    },
    async acknowledge(keys) {
      for (const key of keys) {
        const record = records.get(key);
        if (!record || record.state === 'queued' || record.state === 'sending') continue;
        // A refused or uncertain message stays in the outbox, recorded, for the controller to send again.
        if (record.state === 'failed' || record.state === 'uncertain') {
          await write({ ...record, recorded: true });
          continue;
        }
        records.delete(key);
        await store.remove(key);
      }
    },
    waiting: () => [...records.values()].filter((record) => record.state === 'queued' || record.state === 'sending').length,
    kick,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
