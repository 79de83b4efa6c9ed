import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import { STALE_RATE_DAYS } from '../../../../shared/money/exchange-rates';
import { ratesOverview } from '../../../../shared/money/rates-overview';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { useClock } from '../../app/app-clock';
import { useFieldProblems } from '../../components/use-field-problems';
import { dataWorker } from '../../data/data-client';
import { uiDb } from '../../data/queries/ui-db';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { kredo } from '../../platform/kredo-api';
import { useSectionFocus } from './use-section-focus';

interface RateDraft {
  readonly date: string;
  readonly base: string;
  readonly quote: string;
  readonly rate: string;
}
const FIELDS = ['date', 'base', 'quote', 'rate'] as const;
const ERROR_FIELD: Readonly<Record<(typeof FIELDS)[number], string>> = { date: 'date', base: 'base', quote: 'quote', rate: 'rate' };

/**
 * Settings › Exchange rates (issue 13): the rates files of the ECB, the Riksbank and the Bank of England are
 * imported here, a rate is entered or corrected by hand, and the currencies and dates Kredo cannot convert
 * are listed — the place every "not converted" notice leads to.
 */
export function RatesSection() {
  const { t } = useTranslation(['settings', 'common']);
  const clock = useClock();
  const today = clock.today();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const id = useId();
  const store = useLiveQuery(async () => ({ rates: await uiDb.exchangeRates.toArray(), policy: (await uiDb.policies.toArray())[0], portfolio: await uiDb.portfolio.get('current') }), []);
  const heading = useSectionFocus('exchange-rates', store !== undefined);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ readonly text: string; readonly isError: boolean }>();
  const [draft, setDraft] = useState<RateDraft>({ date: today, base: '', quote: '', rate: '' });
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [saved, setSaved] = useState<{ readonly text: string; readonly isError: boolean }>();
  const fieldUi = useFieldProblems(errors, ERROR_FIELD, (error) => {
    const params = error.code === 'implausible' ? { ...error.params, change: format.percent(Math.abs(Number(error.params?.['change'] ?? 0))), date: format.date(toIsoDate(String(error.params?.['date']))) } : error.params;
    return t(`settings:rates.manual.errors.${error.code}`, { ...params, defaultValue: t('settings:rates.manual.errors.required') });
  });

  if (!store) return null;
  const policyCurrency = store.policy?.currency ?? 'EUR';
  const currencies = [...Object.keys(store.portfolio?.openByCurrency ?? {}), ...(store.portfolio?.unconvertedCurrencies ?? [])];
  // Today's figures; the ageing trend names the past month-ends it could not convert on the Ageing screen itself.
  const overview = ratesOverview({ rates: store.rates, policyCurrency, currencies, dates: [today], today });
  const unconverted = store.portfolio?.unconverted ?? {};
  const sourceName = (source: string | undefined) => t(`settings:rates.sources.${(source ?? 'unknown') as 'ecb'}`);
  const draftWithDefaults = { ...draft, base: draft.base || overview.missing[0]?.currency || '', quote: draft.quote || policyCurrency };

  const importFile = async () => {
    setStatus(undefined);
    setBusy(true);
    try {
      const { reading } = await kredo.ratesImportFile({ currencies: await dataWorker().neededCurrencies() });
      if (reading) {
        const { stored } = await dataWorker().importRates({ reading, at: clock.now().toISOString(), today });
        const imported = t('settings:rates.imported', { count: stored, formatted: format.number(stored), file: reading.file, source: sourceName(reading.source), from: format.date(reading.firstDate), to: format.date(reading.lastDate) });
        setStatus({ text: reading.skippedCurrencies.length > 0 ? `${imported} ${t('settings:rates.skipped', { currencies: reading.skippedCurrencies.join(', ') })}` : imported, isError: false });
      }
    } catch (error) {
      setStatus({ text: errorMessage(error), isError: true });
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    setSaved(undefined);
    try {
      const input = { ...draftWithDefaults, confirmed };
      const result = await dataWorker().saveManualRate({ input, at: clock.now().toISOString(), today });
      setErrors(result.errors);
      if (result.errors.length > 0) setSaved({ text: t('settings:rates.manual.notSaved', { count: result.errors.length }), isError: true });
      else {
        setSaved({ text: t('settings:rates.manual.saved', { base: input.base.trim().toUpperCase(), quote: input.quote.trim().toUpperCase(), rate: input.rate.trim(), date: format.date(toIsoDate(input.date)) }), isError: false });
        setConfirmed(false);
      }
    } catch (error) {
      setSaved({ text: errorMessage(error), isError: true });
    }
  };
  const needsConfirmation = errors.some((error) => error.code === 'implausible');

  return (
    <section className="settings-group settings-wide" aria-labelledby={`${id}-title`} id="exchange-rates">
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>{t('settings:rates.title')}</h2>
      <p className="note">{t('settings:rates.body', { currency: policyCurrency, days: STALE_RATE_DAYS })}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void importFile()}>{busy ? t('settings:rates.importing') : t('settings:rates.importFile')}</button>
      </div>
      {status && <p role={status.isError ? 'alert' : 'status'} className={status.isError ? 'error-text' : 'note'}>{status.text}</p>}

      <h3>{t('settings:rates.missing.title')}</h3>
      {overview.missing.length === 0 ? (
        <p className="note" data-testid="rates-missing-none">{t('settings:rates.missing.none', { currency: policyCurrency })}</p>
      ) : (
        <table className="data-table compact" aria-label={t('settings:rates.missing.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('settings:rates.missing.currency')}</th>
              <th scope="col">{t('settings:rates.missing.needed')}</th>
              <th scope="col">{t('settings:rates.missing.amount')}</th>
              <th scope="col">{t('settings:rates.missing.latest')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.missing.map((entry) => (
              <tr key={entry.currency}>
                <th scope="row">{entry.currency}</th>
                <td>{entry.dates.map((date) => (date === today ? t('settings:rates.missing.today', { date: format.date(date) }) : format.date(date))).join(', ')}</td>
                <td className="number">{unconverted[entry.currency] ? format.money({ amountMinor: unconverted[entry.currency]!.openMinor, currency: entry.currency }) : '–'}</td>
                <td>{entry.latest ? format.date(entry.latest) : t('settings:rates.missing.noRate')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {overview.stale.map((entry) => (
        <p key={entry.currency} className="warning-text">{t('settings:rates.missing.stale', { currency: entry.currency, date: format.date(entry.rateDate), days: format.number(entry.ageDays) })}</p>
      ))}

      <h3>{t('settings:rates.manual.title')}</h3>
      <div className="letterhead-grid">
        {FIELDS.map((field) => (
          <label key={field} className="policy-field">
            <span>{t(`settings:rates.manual.fields.${field}`)}</span>
            <input
              value={draftWithDefaults[field]}
              type={field === 'date' ? 'date' : 'text'}
              inputMode={field === 'rate' ? 'decimal' : undefined}
              onChange={(event) => setDraft({ ...draftWithDefaults, [field]: event.target.value })}
              {...fieldUi[field].props}
            />
            {fieldUi[field].message}
          </label>
        ))}
      </div>
      {needsConfirmation || confirmed ? (
        <label className="radio-option">
          <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
          {t('settings:rates.manual.confirm')}
        </label>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" onClick={() => void save()}>{t('settings:rates.manual.save')}</button>
      </div>
      {saved && <p role={saved.isError ? 'alert' : 'status'} className={saved.isError ? 'error-text' : 'note'}>{saved.text}</p>}

      <h3>{t('settings:rates.list.title')}</h3>
      {overview.pairs.length === 0 ? (
        <p className="note">{t('settings:rates.list.empty')}</p>
      ) : (
        <table className="data-table compact" aria-label={t('settings:rates.list.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('settings:rates.list.pair')}</th>
              <th scope="col">{t('settings:rates.list.date')}</th>
              <th scope="col">{t('settings:rates.list.source')}</th>
              <th scope="col">{t('settings:rates.list.from')}</th>
              <th scope="col">{t('settings:rates.list.count')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.pairs.map((pair) => (
              <tr key={`${pair.base}/${pair.quote}`}>
                <th scope="row">{t('settings:rates.list.pairValue', { base: pair.base, quote: pair.quote, rate: pair.latest.rate })}</th>
                <td>{format.date(pair.latest.date)}</td>
                <td>{sourceName(pair.latest.source)}</td>
                <td>{format.date(pair.first)}</td>
                <td className="number">{format.number(pair.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
