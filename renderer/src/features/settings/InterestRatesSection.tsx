import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import type { RateFileProblem } from '../../../../shared/domain/law/rate-table-csv';
import { LETTER_RATE_KINDS, type LetterRateKind } from '../../../../shared/domain/law/rate-table-coverage';
import { isHalfYearKind } from '../../../../shared/domain/law/reference-rates';
import { useClock } from '../../app/app-clock';
import { useFieldProblems } from '../../components/use-field-problems';
import { dataWorker } from '../../data/data-client';
import { useRateTable } from '../../data/queries/use-rate-table';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { RateTableList } from './RateTableList';
import { useSectionFocus } from './use-section-focus';

interface RateDraft {
  readonly kind: LetterRateKind;
  readonly validFrom: string;
  readonly rate: string;
  readonly source: string;
}
const FIELDS = { kind: 'kind', validFrom: 'validFrom', rate: 'rate', source: 'source' } as const;

/**
 * Settings › Interest rates (issue 13, item 2): each statutory-interest table with its rows, their sources
 * and which row is in force; a row added by hand or from a rates file after the same plausibility checks
 * (rate-row-validation.ts). Letters and payment plans use a new row at once. The Dunning screen's note on
 * out-of-date or unconfirmed rates leads here.
 */
export function InterestRatesSection() {
  const { t } = useTranslation('settings');
  const clock = useClock();
  const today = clock.today();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const id = useId();
  const rates = useRateTable();
  const heading = useSectionFocus('interest-rates', rates !== undefined);
  const [draft, setDraft] = useState<RateDraft>({ kind: 'NL_HANDELSRENTE', validFrom: '', rate: '', source: '' });
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [saved, setSaved] = useState<{ readonly text: string; readonly isError: boolean }>();
  const [fileResult, setFileResult] = useState<{ readonly text: string; readonly isError: boolean; readonly problems: readonly RateFileProblem[] }>();
  const [fileConfirmed, setFileConfirmed] = useState(false);
  const [lastFile, setLastFile] = useState<{ readonly name: string; readonly text: string }>();

  const describe = (error: FieldError): string => {
    const params = error.params ?? {};
    const bp = (key: string) => format.basisPoints(Number(params[key] ?? 0));
    const values = {
      ...params,
      ...(params['minimum'] !== undefined && { minimum: bp('minimum') }),
      ...(params['maximum'] !== undefined && { maximum: error.code === 'tooLong' ? String(params['maximum']) : bp('maximum') }),
      ...(params['previous'] !== undefined && { previous: bp('previous'), change: format.basisPoints(Math.abs(Number(params['change'] ?? 0))) }),
      ...(typeof params['first'] === 'string' && { first: format.date(params['first'] as never) }),
      ...(typeof params['from'] === 'string' && { from: format.date(params['from'] as never) }),
      ...(typeof params['latest'] === 'string' && { latest: format.date(params['latest'] as never) }),
    };
    return t(`interestRates.errors.${error.code}`, { ...values, defaultValue: t('interestRates.errors.invalid') });
  };
  const field = useFieldProblems(errors, FIELDS, describe);

  if (!rates) return null;

  const save = async () => {
    setSaved(undefined);
    try {
      const result = await dataWorker().saveInterestRate({ input: { ...draft, confirmed }, today, at: clock.now().toISOString() });
      setErrors(result.errors);
      if (result.errors.length > 0) setSaved({ text: t('interestRates.add.notSaved', { count: result.errors.length }), isError: true });
      else {
        setSaved({ text: t('interestRates.add.saved', { table: t(`interestRates.kinds.${draft.kind}.title`), rate: draft.rate.trim(), date: format.date(draft.validFrom as never) }), isError: false });
        setDraft({ ...draft, validFrom: '', rate: '', source: '' });
        setConfirmed(false);
      }
    } catch (error) {
      setSaved({ text: errorMessage(error), isError: true });
    }
  };

  const importFile = async (file: { readonly name: string; readonly text: string }, withConfirmation: boolean) => {
    setFileResult(undefined);
    setLastFile(file);
    try {
      const result = await dataWorker().importInterestRates({ text: file.text, fileName: file.name, confirmed: withConfirmation, today, at: clock.now().toISOString() });
      if (result.problems.length === 0) {
        setFileResult({ text: t('interestRates.import.imported', { count: result.stored, file: file.name }), isError: false, problems: [] });
        setFileConfirmed(false);
      } else setFileResult({ text: t('interestRates.import.notImported', { file: file.name }), isError: true, problems: result.problems });
    } catch (error) {
      setFileResult({ text: errorMessage(error), isError: true, problems: [] });
    }
  };
  const fileNeedsConfirmation = fileResult?.problems.some((problem) => problem.code === 'largeJump') ?? false;
  const needsConfirmation = errors.some((error) => error.code === 'largeJump');

  return (
    <section className="settings-group settings-wide" aria-labelledby={`${id}-title`} id="interest-rates">
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>{t('interestRates.title')}</h2>
      <p className="note">{t('interestRates.body')}</p>
      {LETTER_RATE_KINDS.map((kind) => (
        <RateTableList key={kind} kind={kind} userRows={rates.userRows} today={today} onRemove={(rowId) => void dataWorker().removeInterestRate({ id: rowId, at: clock.now().toISOString() })} />
      ))}

      <h3>{t('interestRates.add.title')}</h3>
      <form
        aria-label={t('interestRates.add.title')}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="letterhead-grid">
          <label className="policy-field">
            <span>{t('interestRates.add.fields.kind')}</span>
            <select value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: LETTER_RATE_KINDS.find((kind) => kind === event.target.value) ?? draft.kind })} {...field.kind.props}>
              {LETTER_RATE_KINDS.map((kind) => <option key={kind} value={kind}>{t(`interestRates.kinds.${kind}.title`)}</option>)}
            </select>
            {field.kind.message}
          </label>
          <label className="policy-field">
            <span>{t('interestRates.add.fields.validFrom')}</span>
            <input type="date" value={draft.validFrom} onChange={(event) => setDraft({ ...draft, validFrom: event.target.value })} {...field.validFrom.props} />
            <span className="note">{t(isHalfYearKind(draft.kind) ? 'interestRates.add.hints.halfYear' : 'interestRates.add.hints.changeDate')}</span>
            {field.validFrom.message}
          </label>
          <label className="policy-field">
            <span>{t('interestRates.add.fields.rate')}</span>
            <input inputMode="decimal" value={draft.rate} onChange={(event) => setDraft({ ...draft, rate: event.target.value })} {...field.rate.props} />
            {field.rate.message}
          </label>
          <label className="policy-field">
            <span>{t('interestRates.add.fields.source')}</span>
            <input value={draft.source} onChange={(event) => setDraft({ ...draft, source: event.target.value })} {...field.source.props} />
            {field.source.message}
          </label>
        </div>
        {needsConfirmation || confirmed ? (
          <label className="radio-option">
            <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
            {t('interestRates.add.confirm')}
          </label>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button">{t('interestRates.add.save')}</button>
        </div>
      </form>
      {saved && <p role={saved.isError ? 'alert' : 'status'} className={saved.isError ? 'error-text' : 'note'}>{saved.text}</p>}

      <h3>{t('interestRates.import.title')}</h3>
      <p className="note">{t('interestRates.import.body')}</p>
      <pre className="note">{t('interestRates.import.example')}</pre>
      <label className="policy-field">
        <span>{t('interestRates.import.choose')}</span>
        <input
          type="file"
          accept=".csv,.txt,text/csv"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void file.text().then((text) => importFile({ name: file.name, text }, fileConfirmed));
          }}
        />
      </label>
      {fileResult && (
        <div role={fileResult.isError ? 'alert' : 'status'} className={fileResult.isError ? 'error-text' : 'note'}>
          <p>{fileResult.text}</p>
          {fileResult.problems.length > 0 && (
            <ul>
              {fileResult.problems.map((problem, index) => <li key={index}>{t('interestRates.import.line', { line: problem.line, problem: describe(problem) })}</li>)}
            </ul>
          )}
        </div>
      )}
      {fileNeedsConfirmation && lastFile ? (
        <div className="button-row">
          <label className="radio-option">
            <input type="checkbox" checked={fileConfirmed} onChange={(event) => setFileConfirmed(event.target.checked)} />
            {t('interestRates.import.confirm')}
          </label>
          <button type="button" className="button" disabled={!fileConfirmed} onClick={() => void importFile(lastFile, true)}>{t('interestRates.import.again', { file: lastFile.name })}</button>
        </div>
      ) : null}
    </section>
  );
}
