import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailMessageRequest } from '../../../../shared/ipc/mail-contract';
import { useClock } from '../../app/app-clock';
import { callback, dataWorker } from '../../data/data-client';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { kredo } from '../../platform/kredo-api';

/**
 * Statements of account for every debtor with open items (say, on the first of the month), one after the
 * other in the data worker with progress and Stop; each is kept, and e-mailed through the outbox when
 * Settings › E-mail is set up and the debtor has an address. Run again the same day, it makes only the rest.
 */
export function StatementBatch() {
  const { t } = useTranslation('dunning');
  const clock = useClock();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const [progress, setProgress] = useState<{ readonly done: number; readonly total: number }>();
  const [message, setMessage] = useState<string>();
  const stopRequested = useRef(false);
  const [isStopping, setStopping] = useState(false);
  const start = async () => {
    const mailReady = Boolean((await kredo.mailGetSettings({}).catch(() => undefined))?.settings);
    stopRequested.current = false;
    setStopping(false);
    setMessage(undefined);
    setProgress({ done: 0, total: 0 });
    try {
      const result = await dataWorker().makeStatements(
        { today: clock.today(), at: clock.now().toISOString() },
        callback({
          onProgress: (done: number, total: number) => setProgress({ done, total }),
          isStopped: () => stopRequested.current,
          queueMail: async (mail: MailMessageRequest) => (mailReady ? kredo.mailQueue({ message: mail }) : undefined),
        }),
      );
      const counts = { made: format.number(result.made), mailed: format.number(result.mailed), already: format.number(result.already) };
      setMessage(t(result.stopped ? 'statement.batch.stopped' : 'statement.batch.done', counts));
    } catch (error) {
      setMessage(errorMessage(error));
    } finally {
      setProgress(undefined);
    }
  };
  return (
    <div className="button-row" data-testid="statement-batch">
      <button type="button" className="button" disabled={progress !== undefined} onClick={() => void start()}>{t('statement.batch.start')}</button>
      {progress && (
        <>
          <progress max={Math.max(1, progress.total)} value={progress.done} aria-label={t('statement.batch.progressLabel')} />
          <span className="note">{t('statement.batch.progress', { done: format.number(progress.done), total: format.number(progress.total) })}</span>
          <button
            type="button"
            className="button"
            disabled={isStopping}
            onClick={() => {
              // Read by the worker between two debtors: the statement being made is finished and kept first.
              stopRequested.current = true;
              setStopping(true);
            }}
          >
            {t('statement.batch.stop')}
          </button>
        </>
      )}
      {message && <p role="status" className="note">{message}</p>}
    </div>
  );
}
