import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_BANDS, type RiskBand } from '../../../../../shared/domain/risk/risk-score';
import { formatAmountInput, parseAmountInput } from '../../../../../shared/format/decimal-input';
import { useCountryName } from '../../../i18n/use-country-name';
import { useLanguage } from '../../../i18n/use-language';
import type { GridFilters as Filters } from './grid-query';
import type { LimitState } from '../../../../../shared/domain/limits/credit-limit';
import type { PortfolioRow } from './portfolio-row';

interface GridFiltersProps {
  readonly rows: readonly PortfolioRow[];
  readonly filters: Filters;
  readonly currency: string;
  readonly onChange: (filters: Filters) => void;
}

const distinct = <T extends string>(values: Iterable<T>): T[] => [...new Set(values)];

/** The grid's filters: each control narrows the rows at once; an empty control means "all". */
export function GridFilters({ rows, filters, currency, onChange }: GridFiltersProps) {
  const { t } = useTranslation(['portfolio', 'limits']);
  const { formatLocale } = useLanguage();
  const countryName = useCountryName();
  const id = useId();
  // The choices come from every row: worked out once per row set, not on each keystroke in the search box.
  const choices = useMemo(() => ({
    countries: distinct(rows.map((row) => row.country)),
    currencies: distinct(rows.map((row) => row.currency)).sort(),
    limitStates: distinct(rows.map((row) => row.limitState)).sort(),
  }), [rows]);
  const collator = new Intl.Collator(formatLocale);
  const countries = [...choices.countries].sort((a, b) => collator.compare(countryName(a), countryName(b)));
  const { currencies, limitStates } = choices;
  const [amountText, setAmountText] = useState('');
  const [isAmountInvalid, setAmountInvalid] = useState(false);

  const set = <K extends keyof Filters>(key: K, value: Filters[K] | undefined) => {
    const next: Record<string, unknown> = { ...filters };
    if (value === undefined || value === false) delete next[key];
    else next[key] = value;
    onChange(next as Filters);
  };
  const onAmount = (text: string) => {
    setAmountText(text);
    if (text.trim() === '') {
      setAmountInvalid(false);
      set('overdueAboveMinor', undefined);
      return;
    }
    // The controller types in the UI language's own notation: 10.000 or 10 000 or 10,000.
    const minor = parseAmountInput(text, formatLocale, currency);
    setAmountInvalid(minor === undefined);
    if (minor !== undefined) set('overdueAboveMinor', minor);
  };
  // What the amount box shows: the controller's own typing while it stands for the filter (or is being
  // corrected), else the filter's amount as a saved view set it, else nothing.
  const typed = parseAmountInput(amountText, formatLocale, currency);
  const shownAmount = isAmountInvalid || (typed !== undefined && typed === filters.overdueAboveMinor) ? amountText : filters.overdueAboveMinor === undefined ? '' : formatAmountInput(filters.overdueAboveMinor, currency, formatLocale);
  const onDays = (text: string) => set('overdueDaysAbove', /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);

  return (
    <fieldset className="grid-filters">
      <legend className="visually-hidden">{t('filters.legend')}</legend>
      <div className="field">
        <label htmlFor={`${id}-country`}>{t('filters.country')}</label>
        <select id={`${id}-country`} value={filters.country ?? ''} onChange={(event) => set('country', event.target.value || undefined)}>
          <option value="">{t('filters.all')}</option>
          {countries.map((code) => <option key={code} value={code}>{countryName(code)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-currency`}>{t('filters.currency')}</label>
        <select id={`${id}-currency`} value={filters.currency ?? ''} onChange={(event) => set('currency', event.target.value || undefined)}>
          <option value="">{t('filters.all')}</option>
          {currencies.map((code) => <option key={code} value={code}>{code}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-limitState`}>{t('filters.limitState')}</label>
        <select id={`${id}-limitState`} value={filters.limitState ?? ''} onChange={(event) => set('limitState', (event.target.value || undefined) as LimitState | undefined)}>
          <option value="">{t('filters.all')}</option>
          {limitStates.map((state) => <option key={state} value={state}>{t(`limits:state.${state}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-riskBand`}>{t('filters.riskBand')}</label>
        <select id={`${id}-riskBand`} value={filters.riskBand ?? ''} onChange={(event) => set('riskBand', (event.target.value || undefined) as RiskBand | undefined)}>
          <option value="">{t('filters.all')}</option>
          {RISK_BANDS.map((band) => <option key={band} value={band}>{t(`risk.bands.${band}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-amount`}>{t('filters.overdueAbove', { currency })}</label>
        <input id={`${id}-amount`} inputMode="decimal" value={shownAmount} aria-invalid={isAmountInvalid} onChange={(event) => onAmount(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-days`}>{t('filters.overdueDaysAbove')}</label>
        <input id={`${id}-days`} inputMode="numeric" value={filters.overdueDaysAbove ?? ''} onChange={(event) => onDays(event.target.value)} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={filters.isOverLimit ?? false} onChange={(event) => set('isOverLimit', event.target.checked)} />
        <span>{t('filters.overLimit')}</span>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={filters.isDisputed ?? false} onChange={(event) => set('isDisputed', event.target.checked)} />
        <span>{t('filters.disputed')}</span>
      </label>
      {isAmountInvalid && <p className="field-error" role="alert">{t('filters.amountInvalid')}</p>}
      <button type="button" className="button" disabled={Object.keys(filters).length === 0} onClick={() => { setAmountText(''); setAmountInvalid(false); onChange({}); }}>
        {t('filters.clear')}
      </button>
    </fieldset>
  );
}
