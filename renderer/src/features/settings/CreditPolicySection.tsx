import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditPolicy, LadderStep } from '../../../../shared/domain/dunning/credit-policy';
import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import { useClock } from '../../app/app-clock';
import { dataWorker } from '../../data/data-client';
import { useErrorMessage } from '../../i18n/use-error-message';

const GENERAL_FIELDS = ['paymentTermsDays', 'assumedReceiptDays', 'handoverMarginDays', 'promiseGraceDays', 'planBreaksAfterDaysLate'] as const;

/** A number typed in a field: an empty or broken one stays NaN, which the policy's check names. */
const daysFrom = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * The credit-policy editor: payment terms, the dunning ladders (when each step falls due and the term a
 * letter gives) and which ladder each debtor segment follows. Nothing is saved until every field checks out;
 * each problem is shown next to its field, in the user's language.
 */
export function CreditPolicySection() {
  const { t } = useTranslation(['settings', 'dunning']);
  const errorMessage = useErrorMessage();
  const clock = useClock();
  const id = useId();
  const [policy, setPolicy] = useState<CreditPolicy>();
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [status, setStatus] = useState<{ readonly text: string; readonly isError: boolean }>();

  useEffect(() => {
    let isActive = true;
    dataWorker().creditPolicy().then((loaded) => isActive && setPolicy(loaded), (error: unknown) => isActive && setStatus({ text: errorMessage(error), isError: true }));
    return () => {
      isActive = false;
    };
  }, [errorMessage]);
  if (!policy) return null;

  const problem = (field: string) => {
    const error = errors.find((candidate) => candidate.field === field);
    return error ? t(`settings:creditPolicy.errors.${error.code}`, { ...error.params, defaultValue: t('settings:creditPolicy.errors.invalid') }) : undefined;
  };
  const numberField = (field: string, label: string, value: number, onChange: (value: number) => void, disabled = false) => {
    const message = problem(field);
    return (
      <label className="policy-field">
        <span>{label}</span>
        <input type="number" min={-30} max={365} step={1} value={Number.isNaN(value) ? '' : value} disabled={disabled} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-${field}` : undefined} onChange={(event) => onChange(daysFrom(event.target.value))} />
        {message && <span id={`${id}-${field}`} className="error-text">{message}</span>}
      </label>
    );
  };
  const setStep = (ladder: string, index: number, patch: Partial<LadderStep>) =>
    setPolicy({ ...policy, ladders: { ...policy.ladders, [ladder]: { steps: policy.ladders[ladder]!.steps.map((step, position) => (position === index ? { ...step, ...patch } : step)) } } });
  const save = async () => {
    setStatus(undefined);
    try {
      const result = await dataWorker().saveCreditPolicy({ policy, at: clock.now().toISOString() });
      setErrors(result.errors);
      setStatus(result.errors.length === 0 ? { text: t('settings:creditPolicy.saved'), isError: false } : { text: t('settings:creditPolicy.notSaved', { count: result.errors.length }), isError: true });
    } catch (error) {
      setStatus({ text: errorMessage(error), isError: true });
    }
  };

  return (
    <section className="settings-group" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings:creditPolicy.title')}</h2>
      <p className="note">{t('settings:creditPolicy.body')}</p>
      <div className="policy-grid">
        {GENERAL_FIELDS.map((field) => numberField(field, t(`settings:creditPolicy.fields.${field}`), policy[field], (value) => setPolicy({ ...policy, [field]: value })))}
      </div>
      {Object.entries(policy.ladders).map(([ladder, { steps }]) => (
        <fieldset key={ladder} className="policy-ladder">
          <legend>{t('settings:creditPolicy.ladder', { name: t(`settings:creditPolicy.ladders.${ladder}`, { defaultValue: ladder }) })}</legend>
          {steps.map((step, index) => (
            <div key={step.step} className="policy-step" role="group" aria-label={t(`dunning:steps.${step.step}`)}>
              <strong>{t(`dunning:steps.${step.step}`)}</strong>
              {numberField(`ladders.${ladder}.steps.${index}.waitDays`, t(index === 0 ? 'settings:creditPolicy.waitFirst' : 'settings:creditPolicy.wait'), step.waitDays, (value) => setStep(ladder, index, { waitDays: value }))}
              {numberField(`ladders.${ladder}.steps.${index}.termDays`, t('settings:creditPolicy.term'), step.termDays, (value) => setStep(ladder, index, { termDays: value }), step.channel !== 'letter')}
            </div>
          ))}
        </fieldset>
      ))}
      <fieldset className="policy-ladder">
        <legend>{t('settings:creditPolicy.segments')}</legend>
        {Object.entries(policy.segments).map(([segment, strategy]) => (
          <div key={segment} className="policy-step">
            <strong>{t(`settings:creditPolicy.segmentNames.${segment}`, { defaultValue: segment })}</strong>
            <label className="policy-field">
              <span>{t('settings:creditPolicy.segmentLadder')}</span>
              <select value={strategy.ladder} onChange={(event) => setPolicy({ ...policy, segments: { ...policy.segments, [segment]: { ...strategy, ladder: event.target.value } } })}>
                {Object.keys(policy.ladders).map((ladder) => <option key={ladder} value={ladder}>{t(`settings:creditPolicy.ladders.${ladder}`, { defaultValue: ladder })}</option>)}
              </select>
            </label>
            {numberField(`segments.${segment}.delayDays`, t('settings:creditPolicy.delay'), strategy.delayDays, (value) => setPolicy({ ...policy, segments: { ...policy.segments, [segment]: { ...strategy, delayDays: value } } }))}
          </div>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => void save()}>{t('settings:creditPolicy.save')}</button>
      </div>
      {status && <p role={status.isError ? 'alert' : 'status'} className={status.isError ? 'error-text' : 'note'}>{status.text}</p>}
    </section>
  );
}
