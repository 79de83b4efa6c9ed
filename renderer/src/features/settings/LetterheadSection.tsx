import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SELECTABLE_COUNTRIES } from '../../../../shared/domain/debtors/debtor-settings';
import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import { useClock } from '../../app/app-clock';
import { useFieldProblems } from '../../components/use-field-problems';
import { dataWorker } from '../../data/data-client';
import { useCountryName } from '../../i18n/use-country-name';
import { useErrorMessage } from '../../i18n/use-error-message';
import { creditorCountry, type LetterCreditor, type RegistrationScheme } from '../../letters/dunning-letter';

/** The letterhead as the form holds it: text as typed, the address one line per row. */
interface LetterheadDraft {
  readonly name: string;
  readonly address: string;
  readonly country: string;
  readonly scheme: RegistrationScheme;
  readonly registrationNumber: string;
  readonly vatNumber: string;
  readonly iban: string;
  readonly bic: string;
  readonly bankgiro: string;
  readonly email: string;
  readonly phone: string;
}

const SCHEMES: readonly RegistrationScheme[] = ['kvk', 'orgnr', 'companyNumber'];
const TEXT_FIELDS = ['registrationNumber', 'vatNumber', 'iban', 'bic', 'bankgiro', 'email', 'phone'] as const;
/** Where each form field's problems come back from the check (its path in the stored letterhead). */
const ERROR_FIELD: Readonly<Record<keyof LetterheadDraft, string>> = { name: 'name', address: 'addressLines', country: 'country', scheme: 'registration.scheme', registrationNumber: 'registration.number', vatNumber: 'vatNumber', iban: 'iban', bic: 'bic', bankgiro: 'bankgiro', email: 'email', phone: 'phone' };

const draftOf = (creditor: LetterCreditor): LetterheadDraft => ({
  name: creditor.name,
  address: creditor.addressLines.join('\n'),
  country: creditorCountry(creditor),
  scheme: creditor.registration.scheme,
  registrationNumber: creditor.registration.number,
  vatNumber: creditor.vatNumber,
  iban: creditor.iban,
  bic: creditor.bic,
  bankgiro: creditor.bankgiro ?? '',
  email: creditor.email,
  phone: creditor.phone,
});

const letterheadOf = (draft: LetterheadDraft) => ({
  name: draft.name,
  addressLines: draft.address.split('\n'),
  country: draft.country,
  registration: { scheme: draft.scheme, number: draft.registrationNumber },
  vatNumber: draft.vatNumber,
  iban: draft.iban,
  bic: draft.bic,
  ...(draft.bankgiro.trim() !== '' && { bankgiro: draft.bankgiro }),
  email: draft.email,
  phone: draft.phone,
});

/**
 * The company's letterhead on dunning letters: name and address, the register and VAT numbers the law
 * asks a business letter to carry, and the bank details debtors pay to. Nothing is saved until every field
 * checks out (IBAN and register numbers by their check digits); letters already made keep their letterhead.
 */
export function LetterheadSection() {
  const { t } = useTranslation('settings');
  const clock = useClock();
  const id = useId();
  const errorMessage = useErrorMessage();
  const countryName = useCountryName();
  const [draft, setDraft] = useState<LetterheadDraft>();
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [status, setStatus] = useState<{ readonly text: string; readonly isError: boolean }>();
  const fieldUi = useFieldProblems(errors, ERROR_FIELD, (error) => t(`letterhead.errors.${error.code}`, { ...error.params, defaultValue: t('letterhead.errors.invalid') }));

  useEffect(() => {
    let isActive = true;
    dataWorker().letterhead().then((creditor) => isActive && setDraft(draftOf(creditor)), (error: unknown) => isActive && setStatus({ text: errorMessage(error), isError: true }));
    return () => {
      isActive = false;
    };
  }, [errorMessage]);
  if (!draft) return null;

  const save = async () => {
    setStatus(undefined);
    try {
      const result = await dataWorker().saveLetterhead({ letterhead: letterheadOf(draft), at: clock.now().toISOString() });
      setErrors(result.errors);
      setStatus(result.errors.length === 0 ? { text: t('letterhead.saved'), isError: false } : { text: t('letterhead.notSaved', { count: result.errors.length }), isError: true });
    } catch (error) {
      setStatus({ text: errorMessage(error), isError: true });
    }
  };

  return (
    <section className="settings-group" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('letterhead.title')}</h2>
      <p className="note">{t('letterhead.body')}</p>
      <div className="letterhead-grid">
        <label className="policy-field">
          <span>{t('letterhead.fields.name')}</span>
          <input value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} {...fieldUi.name.props} />
          {fieldUi.name.message}
        </label>
        <label className="policy-field letterhead-address">
          <span>{t('letterhead.fields.address')}</span>
          <textarea rows={4} value={draft.address} onChange={(event) => setDraft({ ...draft, address: event.target.value })} {...fieldUi.address.props} />
          {fieldUi.address.message}
        </label>
        <label className="policy-field">
          <span>{t('letterhead.fields.country')}</span>
          <select value={draft.country} onChange={(event) => setDraft({ ...draft, country: event.target.value })} {...fieldUi.country.props}>
            {SELECTABLE_COUNTRIES.filter((code) => code !== 'ZZ').map((code) => <option key={code} value={code}>{countryName(code)}</option>)}
          </select>
          {fieldUi.country.message}
        </label>
        <label className="policy-field">
          <span>{t('letterhead.fields.scheme')}</span>
          <select value={draft.scheme} onChange={(event) => setDraft({ ...draft, scheme: SCHEMES.find((scheme) => scheme === event.target.value) ?? draft.scheme })}>
            {SCHEMES.map((scheme) => <option key={scheme} value={scheme}>{t(`letterhead.schemes.${scheme}`)}</option>)}
          </select>
        </label>
        {TEXT_FIELDS.map((field) => (
          <label key={field} className="policy-field">
            <span>{t(`letterhead.fields.${field}`)}</span>
            <input value={draft[field]} onChange={(event) => setDraft({ ...draft, [field]: event.target.value })} {...fieldUi[field].props} />
            {fieldUi[field].message}
          </label>
        ))}
      </div>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => void save()}>{t('letterhead.save')}</button>
      </div>
      {status && <p role={status.isError ? 'alert' : 'status'} className={status.isError ? 'error-text' : 'note'}>{status.text}</p>}
    </section>
  );
}
