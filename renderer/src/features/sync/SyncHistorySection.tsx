import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { uiDb } from '../../data/queries/ui-db';
import type { SyncRun } from '../../data/db/schema';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { KredoApiError } from '../../platform/kredo-api';
import { SyncRunChangesPanel } from './SyncRunChangesPanel';

/**
 * Every recorded sync, newest first (sync-history.ts keeps the last 200): when, a full read or the changes
 * only, how it ended — with the reason in the controller's language when it failed — and its counts. One
 * run is selected (the newest at first) and what it changed is listed beside the list. The list is one tab
 * stop (a listbox): ↑ ↓ Home End move the selection.
 */
export function SyncHistorySection() {
  const { t } = useTranslation('sync');
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const id = useId();
  const runs = useLiveQuery(() => uiDb.syncRuns.orderBy(':id').reverse().toArray(), []);
  const [chosen, setChosen] = useState<number>();
  const selected = runs?.find((run) => run.seq === chosen) ?? runs?.[0];

  const resultText = (run: SyncRun) => {
    if (run.result === 'failed') return t('history.failed', { reason: errorMessage(new KredoApiError(run.error?.code ?? 'internal', run.error?.params)) });
    if (run.result === 'partial') {
      const reasons = [
        ...(run.unreadable > 0 ? [t('history.unreadable', { count: run.unreadable })] : []),
        ...(run.waiting > 0 ? [t('history.notThrough', { count: run.waiting })] : []),
      ];
      return t('history.partial', { reasons: reasons.join('; ') });
    }
    return t('history.ok');
  };
  const counts = (run: SyncRun) =>
    [
      t('history.changed', { count: run.changed }),
      ...(run.sent > 0 ? [t('history.sent', { count: run.sent })] : []),
      ...(run.refused > 0 ? [t('history.refused', { count: run.refused })] : []),
    ].join(' · ');

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!runs || runs.length === 0 || !selected) return;
    const index = runs.indexOf(selected);
    const next = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? runs.length - 1 : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const run = runs[Math.max(0, Math.min(runs.length - 1, next))]!;
    setChosen(run.seq);
    document.getElementById(`${id}-run-${run.seq}`)?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">{t('history.title')}</h2>
      {runs && runs.length === 0 && <p className="note">{t('history.none')}</p>}
      {runs && runs.length > 0 && selected && (
        <div className="sync-history">
          <ul
            className="run-list"
            role="listbox"
            tabIndex={0}
            aria-label={t('history.listLabel')}
            aria-activedescendant={`${id}-run-${selected.seq}`}
            onKeyDown={onKeyDown}
            data-testid="sync-history"
          >
            {runs.map((run) => (
              <li
                key={run.seq}
                id={`${id}-run-${run.seq}`}
                role="option"
                aria-selected={run === selected}
                data-result={run.result}
                onClick={() => setChosen(run.seq)}
              >
                <span className="run-when">{format.dateTime(new Date(run.startedAt))} · {t(`history.kind.${run.kind}`)}</span>
                <span className={`run-result${run.result === 'ok' ? '' : ' is-alert'}`}>{resultText(run)}</span>
                <span className="note">{counts(run)}</span>
              </li>
            ))}
          </ul>
          <SyncRunChangesPanel key={selected.seq} run={selected} />
        </div>
      )}
    </section>
  );
}
