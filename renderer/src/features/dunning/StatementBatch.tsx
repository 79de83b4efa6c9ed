import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailMessageRequest } from '../../../../shared/ipc/mail-contract';
import { useClock } from '../../app/app-clock';
import { ProgressWithStop, useStop } from '../../components/ProgressWithStop';
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
  const stop = useStop();
  const start = async () => {
    const mailReady = Boolean((await kredo.mailGetSettings({}).catch(() => undefined))?.settings);
    stop.reset();
    setMessage(undefined);
    setProgress({ done: 0, total: 0 });
    try {
      const result = await dataWorker().makeStatements(
        { today: clock.today(), at: clock.now().toISOString() },
        callback({
          onProgress: (done: number, total: number) => setProgress({ done, total }),
          isStopped: stop.isStopped,
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
        <ProgressWithStop
          done={progress.done}
          total={progress.total}
          label={t('statement.batch.progressLabel')}
          text={t('statement.batch.progress', { done: format.number(progress.done), total: format.number(progress.total) })}
          stopLabel={t('statement.batch.stop')}
          isStopping={stop.isStopping}
          onStop={stop.requestStop}
        />
      )}
      {message && <p role="status" className="note">{message}</p>}
    </div>
  );
}
