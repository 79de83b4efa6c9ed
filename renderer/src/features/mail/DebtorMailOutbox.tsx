import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reminderContact, reminderEmail } from '../../../../shared/domain/debtors/debtor-master-data';
import type { Debtor } from '../../../../shared/domain/debtors/debtor';
import type { MailOutboxEntry } from '../../../../shared/ipc/mail-contract';
import { kredo, subscribe } from '../../platform/kredo-api';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';

/** How often the list is read again while shown, so a next try's time and a message that went stay current. */
const REFRESH_MS = 5_000;

/**
 * What the e-mail outbox (main process) still holds for this debtor: letters waiting to be sent (with the
 * next try after a transient failure) and letters the mail server refused or Kredo may not have sent. A
 * refused letter is sent again to the debtor's reminder address as it is now — so the controller corrects
 * the address under Contacts and addresses and presses Send again: a corrected address makes a new message
 * (new Message-ID), an unchanged one sends the same message again (same Message-ID; mail-outbox.ts).
 * Shown only while there is something in the outbox.
 */
export function DebtorMailOutbox({ debtor }: { readonly debtor: Pick<Debtor, 'id' | 'contacts'> }) {
  const { t } = useTranslation('debtor');
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [entries, setEntries] = useState<readonly MailOutboxEntry[]>([]);
  const [status, setStatus] = useState<{ readonly text: string; readonly isError: boolean }>();
  const [busy, setBusy] = useState<string>();

  // Bumped after an action, so the list is read again at once.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let alive = true;
    const load = () =>
      kredo.mailOutbox({}).then(
        ({ entries: all }) => alive && setEntries(all.filter((entry) => entry.debtorId === debtor.id)),
        // No outbox in this host (e-mail never set up): nothing to show.
        () => alive && setEntries([]),
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    const unsubscribe = subscribe('onMailOutcome', () => void load());
    return () => {
      alive = false;
      clearInterval(timer);
      unsubscribe();
    };
  }, [debtor.id, version]);

  const address = reminderEmail(debtor);
  const name = reminderContact(debtor)?.name;

  const act = async (entry: MailOutboxEntry, action: 'resend' | 'remove') => {
    setBusy(entry.key);
    setStatus(undefined);
    try {
      if (action === 'remove') await kredo.mailDismiss({ key: entry.key });
      else if (address) {
        await kredo.mailResend({ key: entry.key, to: { ...(name && { name }), address } });
        setStatus({ text: t('mailOutbox.queuedAgain', { to: address }), isError: false });
      }
    } catch (error) {
      setStatus({ text: errorMessage(error), isError: true });
    } finally {
      setBusy(undefined);
      setVersion((current) => current + 1);
    }
  };

  if (entries.length === 0 && !status) return null;
  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="debtor-mail-outbox">
      <h2 id={`${id}-title`} className="section-title">{t('mailOutbox.title')}</h2>
      <ul className="plain-list">
        {entries.map((entry) => (
          <li key={entry.key} data-state={entry.state}>
            {entry.state === 'pending' && (
              <p>
                {t('mailOutbox.pending', { subject: entry.subject, to: entry.to })}
                {entry.nextTryAt !== undefined && <> {t('mailOutbox.nextTry', { time: format.dateTime(new Date(entry.nextTryAt)) })}</>}
              </p>
            )}
            {entry.state === 'failed' && <p>{t('mailOutbox.failed', { subject: entry.subject, to: entry.to, response: entry.response ?? '–' })}</p>}
            {entry.state === 'uncertain' && <p>{t('mailOutbox.uncertain', { subject: entry.subject, to: entry.to })}</p>}
            {entry.state !== 'pending' && (
              <div className="button-row">
                {address ? (
                  <button type="button" className="button button-small" disabled={busy === entry.key} onClick={() => void act(entry, 'resend')}>
                    {t('mailOutbox.sendAgainTo', { to: address })}
                  </button>
                ) : (
                  <span className="note">{t('mailOutbox.noAddress')}</span>
                )}
                <button type="button" className="button button-small" disabled={busy === entry.key} onClick={() => void act(entry, 'remove')}>
                  {t('mailOutbox.remove')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {status && <p role={status.isError ? 'alert' : 'status'} className={status.isError ? 'error-text' : 'note'}>{status.text}</p>}
    </section>
  );
}
