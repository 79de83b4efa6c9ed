import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseAmountInput } from '../../../../shared/format/decimal-input';
import type { CurrencyCode } from '../../../../shared/money/money';
import type { DunningStep } from '../../../../shared/domain/dunning/dunning-action';
import type { DeadlineKind } from '../../../../shared/domain/dunning/policy-deadlines';
import type { WorklistRow } from '../../data/dunning/worklist-rows';
import { useCountryName } from '../../i18n/use-country-name';
import { useLanguage } from '../../i18n/use-language';
import { EMPTY_WORKLIST_QUERY, worklistFacets, type WorklistQuery } from './worklist-query';

interface WorklistFiltersProps {
  readonly rows: readonly WorklistRow[];
  readonly query: WorklistQuery;
  readonly currency: CurrencyCode;
  readonly onChange: (query: WorklistQuery) => void;
}

/** The worklist's filters and search: each control narrows the list at once; an empty control means "all". */
export function WorklistFilters({ rows, query, currency, onChange }: WorklistFiltersProps) {
  const { t } = useTranslation('dunning');
  const { formatLocale } = useLanguage();
  const countryName = useCountryName();
  const id = useId();
  // The choices come from the whole list: worked out once per list, not on each keystroke in the search box.
  const facets = useMemo(() => worklistFacets(rows), [rows]);
  const collator = new Intl.Collator(formatLocale);
  const countries = [...facets.countries].sort((a, b) => collator.compare(countryName(a), countryName(b)));
  const [amountText, setAmountText] = useState('');
  const [isAmountInvalid, setAmountInvalid] = useState(false);
  const taskLabel = (key: string) => {
    if (key.startsWith('deadline:')) return t(`deadlines.${key.slice('deadline:'.length) as DeadlineKind}`);
    if (key === 'broken-promise' || key === 'broken-plan') return t(`worklist.${key}`);
    return t(`todo.${key as DunningStep}`);
  };

  const onAmount = (text: string) => {
    setAmountText(text);
    // The controller types in the UI language's own notation: 10.000 or 10 000 or 10,000.
    const minor = text.trim() === '' ? undefined : parseAmountInput(text, formatLocale, currency);
    setAmountInvalid(text.trim() !== '' && minor === undefined);
    if (text.trim() === '' || minor !== undefined) onChange({ ...query, minAmountMinor: minor });
  };
  const isFiltered = query.task !== '' || query.country !== '' || query.segment !== '' || query.minAmountMinor !== undefined || query.search !== '';

  return (
    <fieldset className="grid-filters" data-testid="worklist-filters">
      <legend className="visually-hidden">{t('worklist.filters.legend')}</legend>
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('worklist.filters.search')}</label>
        <input id={`${id}-search`} type="search" value={query.search} placeholder={t('worklist.filters.searchHint')} onChange={(event) => onChange({ ...query, search: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-task`}>{t('worklist.filters.task')}</label>
        <select id={`${id}-task`} value={query.task} onChange={(event) => onChange({ ...query, task: event.target.value })}>
          <option value="">{t('worklist.filters.allTasks')}</option>
          {facets.tasks.map((key) => <option key={key} value={key}>{taskLabel(key)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-country`}>{t('worklist.filters.country')}</label>
        <select id={`${id}-country`} value={query.country} onChange={(event) => onChange({ ...query, country: event.target.value })}>
          <option value="">{t('worklist.filters.allCountries')}</option>
          {countries.map((code) => <option key={code} value={code}>{countryName(code)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-segment`}>{t('worklist.filters.segment')}</label>
        <select id={`${id}-segment`} value={query.segment} onChange={(event) => onChange({ ...query, segment: event.target.value })}>
          <option value="">{t('worklist.filters.allSegments')}</option>
          {facets.segments.map((segment) => <option key={segment} value={segment}>{segment}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-amount`}>{t('worklist.filters.minAmount', { currency })}</label>
        <input id={`${id}-amount`} inputMode="decimal" value={amountText} aria-invalid={isAmountInvalid} onChange={(event) => onAmount(event.target.value)} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={query.byDebtor} onChange={(event) => onChange({ ...query, byDebtor: event.target.checked })} />
        <span>{t('worklist.filters.byDebtor')}</span>
      </label>
      {isAmountInvalid && <p className="field-error" role="alert">{t('worklist.filters.amountInvalid')}</p>}
      <button
        type="button"
        className="button"
        disabled={!isFiltered}
        onClick={() => {
          setAmountText('');
          setAmountInvalid(false);
          onChange({ ...EMPTY_WORKLIST_QUERY, byDebtor: query.byDebtor });
        }}
      >
        {t('worklist.filters.clear')}
      </button>
    </fieldset>
  );
}
