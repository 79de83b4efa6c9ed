import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import type { CreditLimit } from '../../../../shared/domain/limits/credit-limit';
import { discretionaryConditionsOf, type OwnLimitDraft, type PolicyWithConditions } from '../../../../shared/domain/limits/own-limit';
import { parseAmountInput } from '../../../../shared/format/decimal-input';
import { isCurrencyCode, money } from '../../../../shared/money/money';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { useClock } from '../../app/app-clock';
import { useFieldProblems } from '../../components/use-field-problems';
import { dataWorker } from '../../data/data-client';
import type { StoredDebtor } from '../../data/db/schema';
import { uiDb } from '../../data/queries/ui-db';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { useLanguage } from '../../i18n/use-language';
import { kredo } from '../../platform/kredo-api';

type Kind = OwnLimitDraft['kind'];
type Condition = NonNullable<OwnLimitDraft['condition']>;
const FIELDS = { kind: 'kind', amount: 'amount', currency: 'currency', effectiveFrom: 'effectiveFrom', condition: 'condition', conditionDate: 'conditionDate', note: 'note' } as const;

/**
 * The controller's own limits on a debtor (README, "Own limits"): a discretionary limit within the policy's
 * discretionary limit, resting on one of the policy's conditions, and an internal limit with a note. The
 * data worker checks every field against the stored policy and the insurer's decision; a problem is shown
 * next to its field and nothing is stored.
 */
export function DebtorOwnLimits({ debtor, limits }: { readonly debtor: StoredDebtor; readonly limits: readonly CreditLimit[] }) {
  const { t } = useTranslation('debtor');
  const format = useFormat();
  const { formatLocale } = useLanguage();
  const clock = useClock();
  const errorMessage = useErrorMessage();
  const id = useId();
  const policy = useLiveQuery(async () => (await uiDb.policies.toArray())[0] as PolicyWithConditions | undefined, []);
  const today = clock.today();
  const [kind, setKind] = useState<Kind>('discretionary');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState<string>();
  const [effectiveFrom, setEffectiveFrom] = useState<string>(today);
  const [condition, setCondition] = useState<Condition>('');
  const [conditionDate, setConditionDate] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [message, setMessage] = useState<{ readonly text: string; readonly isError: boolean }>();
  const [isSaving, setSaving] = useState(false);
  const field = useFieldProblems(errors, FIELDS, (error) => t(`ownLimit.errors.${error.code}`, { ...error.params, ...(typeof error.params?.['maxMinor'] === 'number' && { max: format.money(money(error.params['maxMinor'], String(error.params['currency']))) }), ...(typeof error.params?.['until'] === 'string' && { until: format.date(error.params['until'] as IsoDate) }), defaultValue: t('ownLimit.errors.invalid') }));
  if (!policy) return null;

  const typedCurrency = (currency ?? policy.currency).trim().toUpperCase();
  const own = limits.filter((limit) => (limit.source === 'discretionary' || limit.source === 'internal') && limit.status !== 'CANCELLED');
  const conditions = discretionaryConditionsOf(policy);
  const hasDiscretionary = policy.discretionaryLimitMax.amountMinor > 0;

  const save = async () => {
    setSaving(true);
    setMessage(undefined);
    try {
      // Read in the typed currency's minor units when it is one, so "unknown currency" is said about the currency field.
      const amountMinor = parseAmountInput(amount, formatLocale, isCurrencyCode(typedCurrency) ? typedCurrency : policy.currency);
      const negative = amountMinor === undefined && /^\s*[-−]/.test(amount) ? parseAmountInput(amount.replace(/^\s*[-−]/, ''), formatLocale, policy.currency) : undefined;
      const draft: OwnLimitDraft = {
        kind,
        amountMinor: negative !== undefined ? -negative : amountMinor,
        currency: typedCurrency,
        effectiveFrom,
        note,
        ...(kind === 'discretionary' && { condition, conditionDate }),
      };
      const { homeCurrency } = await kredo.importGetSettings();
      const result = await dataWorker().saveOwnLimit({ debtorId: debtor.id, draft, today, at: clock.now().toISOString(), homeCurrency });
      setErrors(result.errors);
      if (result.errors.length === 0) {
        setAmount('');
        setNote('');
        setMessage({ text: t('ownLimit.saved'), isError: false });
      }
    } catch (error) {
      setMessage({ text: errorMessage(error), isError: true });
    } finally {
      setSaving(false);
    }
  };
  const end = async (limitKind: Kind) => {
    setMessage(undefined);
    try {
      const { homeCurrency } = await kredo.importGetSettings();
      await dataWorker().endOwnLimit({ debtorId: debtor.id, kind: limitKind, note: t('ownLimit.endNote'), today, at: clock.now().toISOString(), homeCurrency });
      setMessage({ text: t('ownLimit.ended'), isError: false });
    } catch (error) {
      setMessage({ text: errorMessage(error), isError: true });
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">{t('ownLimit.title')}</h2>
      <p className="note">{hasDiscretionary ? t('ownLimit.intro', { max: format.money(policy.discretionaryLimitMax) }) : t('ownLimit.noDiscretionary')}</p>
      {own.map((limit) => (
        <p key={limit.source} data-testid={`own-limit-${limit.source}`}>
          {t(`ownLimit.current.${limit.source as Kind}`, { amount: format.money(money(limit.decidedAmountMinor, limit.currency)), from: format.date(limit.tranches[0]?.effectiveFrom ?? today) })}{' '}
          <button type="button" className="button" onClick={() => void end(limit.source as Kind)}>{t(`ownLimit.end.${limit.source as Kind}`)}</button>
        </p>
      ))}
      <form
        className="debtor-settings"
        aria-label={t('ownLimit.title')}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="policy-field">
          <span>{t('ownLimit.kind')}</span>
          <select value={kind} onChange={(event) => setKind(event.target.value === 'internal' ? 'internal' : 'discretionary')} {...field.kind.props}>
            <option value="discretionary">{t('ownLimit.kinds.discretionary')}</option>
            <option value="internal">{t('ownLimit.kinds.internal')}</option>
          </select>
          {field.kind.message}
        </label>
        <label className="policy-field">
          <span>{t('ownLimit.amount')}</span>
          <input type="text" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} {...field.amount.props} />
          {field.amount.message}
        </label>
        <label className="policy-field">
          <span>{t('ownLimit.currency')}</span>
          <input type="text" value={currency ?? policy.currency} maxLength={3} onChange={(event) => setCurrency(event.target.value)} {...field.currency.props} />
          {field.currency.message}
        </label>
        <label className="policy-field">
          <span>{t('ownLimit.effectiveFrom')}</span>
          <input type="date" min={today} value={effectiveFrom} onChange={(event) => setEffectiveFrom(event.target.value)} {...field.effectiveFrom.props} />
          {field.effectiveFrom.message}
        </label>
        {kind === 'discretionary' && (
          <>
            <label className="policy-field">
              <span>{t('ownLimit.condition')}</span>
              <select value={condition} onChange={(event) => setCondition(event.target.value === 'paymentExperience' || event.target.value === 'creditReport' ? event.target.value : '')} {...field.condition.props}>
                <option value="">{t('ownLimit.chooseCondition')}</option>
                <option value="paymentExperience">{t('ownLimit.conditions.paymentExperience')}</option>
                <option value="creditReport">{t('ownLimit.conditions.creditReport')}</option>
              </select>
              {field.condition.message}
            </label>
            <label className="policy-field">
              <span>{t(`ownLimit.conditionDate.${condition === 'creditReport' ? 'creditReport' : 'paymentExperience'}`)}</span>
              <input type="date" max={today} value={conditionDate} onChange={(event) => setConditionDate(event.target.value)} {...field.conditionDate.props} />
              {field.conditionDate.message}
            </label>
            <p className="note">{t('ownLimit.conditionsHint', { months: format.number(conditions.paymentExperienceMonths), days: format.number(conditions.creditReportMaxAgeDays) })}</p>
          </>
        )}
        <label className="policy-field">
          <span>{t('ownLimit.note')}</span>
          <input type="text" value={note} onChange={(event) => setNote(event.target.value)} {...field.note.props} />
          {field.note.message}
        </label>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={isSaving}>{t('ownLimit.save')}</button>
        </div>
      </form>
      {message && <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'error-text' : 'note'}>{message.text}</p>}
    </section>
  );
}
