import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import { useClock } from '../../app/app-clock';
import { useFormat } from '../../i18n/use-format';
import { addDebtorNote } from './use-debtor-detail';

const MAX_NOTE = 4000;

/** Notes on the debtor: added to the audit trail, so each is dated, kept and shown in the timeline too. */
export function DebtorNotes({ debtorId, audit }: { readonly debtorId: string; readonly audit: readonly AuditEntry[] }) {
  const { t } = useTranslation('debtor');
  const format = useFormat();
  const clock = useClock();
  const [text, setText] = useState('');
  const [error, setError] = useState(false);
  const notes = audit.filter((entry) => entry.action === 'debtor.noteAdded').sort((a, b) => (a.at < b.at ? 1 : -1));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    try {
      await addDebtorNote(debtorId, trimmed, clock.now().toISOString());
      setText('');
      setError(false);
    } catch {
      // The note stays in the box, so nothing typed is lost.
      setError(true);
    }
  };
  return (
    <section className="panel" aria-labelledby="notes-title">
      <h2 id="notes-title" className="section-title">{t('notes.title')}</h2>
      <form onSubmit={(event) => void onSubmit(event)} className="note-form">
        <label>
          <span>{t('notes.label')}</span>
          <textarea value={text} maxLength={MAX_NOTE} rows={3} onChange={(event) => setText(event.target.value)} />
        </label>
        <button type="submit" className="button button-primary" disabled={!text.trim()}>{t('notes.add')}</button>
        {error && <p className="field-error" role="alert">{t('notes.failed')}</p>}
      </form>
      {notes.length === 0 ? (
        <p className="note">{t('notes.none')}</p>
      ) : (
        <ul className="plain-list notes" aria-label={t('notes.title')}>
          {notes.map((note) => (
            <li key={note.seq ?? note.at}>
              <time dateTime={note.at}>{format.dateTime(new Date(note.at))}</time>
              <p>{String(note.details['text'] ?? '')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
