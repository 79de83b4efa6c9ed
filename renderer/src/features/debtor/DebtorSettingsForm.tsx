import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultJurisdiction } from '../../../../shared/domain/debtors/debtor';
import { DEBTOR_SETTING_FIELDS, defaultLanguage, SELECTABLE_COUNTRIES, settingsOf, type DebtorSettings } from '../../../../shared/domain/debtors/debtor-settings';
import { LAW_JURISDICTIONS } from '../../../../shared/domain/law/jurisdiction';
import type { CreditPolicy } from '../../../../shared/domain/dunning/credit-policy';
import { policySegmentOf } from '../../../../shared/domain/dunning/policy-segments';
import { SUPPORTED_LANGUAGES } from '../../../../shared/i18n/languages';
import { useClock } from '../../app/app-clock';
import { useCheckedSave } from '../../components/use-checked-save';
import { useFieldProblems } from '../../components/use-field-problems';
import { dataWorker } from '../../data/data-client';
import type { StoredDebtor } from '../../data/db/schema';
import { useCountryName, useLanguageName } from '../../i18n/use-country-name';
import { kredo } from '../../platform/kredo-api';

/** Each form field's errors come back under its own name. */
const SETTING_PATHS = Object.fromEntries(DEBTOR_SETTING_FIELDS.map((name) => [name, name])) as Record<keyof DebtorSettings, string>;

/**
 * The debtor's country, letter language, law and segment, as the controller corrects them: an import may
 * not know the country, a Belgian customer may want English letters, a contract may choose Dutch law. A
 * new country brings its usual language and law along unless those were already set by hand.
 */
export function DebtorSettingsForm({ debtor, onDone }: { readonly debtor: StoredDebtor; readonly onDone: () => void }) {
  const { t } = useTranslation('debtor');
  const clock = useClock();
  const countryName = useCountryName();
  const languageName = useLanguageName();
  const [settings, setSettings] = useState<DebtorSettings>(() => settingsOf(debtor));
  // Segments come from Settings › Credit policy (issue 13, item 5): chosen, never typed.
  const [policy, setPolicy] = useState<CreditPolicy>();
  useEffect(() => {
    let live = true;
    void dataWorker().creditPolicy().then((loaded) => {
      if (!live) return;
      setPolicy(loaded);
      // A stored "Key account" is the policy's "key-account": the select shows it as such.
      setSettings((current) => ({ ...current, segment: policySegmentOf(loaded, current.segment) ?? current.segment }));
    });
    return () => {
      live = false;
    };
  }, []);
  const segments = policy ? Object.keys(policy.segments) : [];
  const retiredSegment = policy && debtor.segment.trim() !== '' && !policySegmentOf(policy, debtor.segment) ? debtor.segment : undefined;
  const countries = useMemo(() => {
    const codes = SELECTABLE_COUNTRIES.includes(debtor.country) ? SELECTABLE_COUNTRIES : [...SELECTABLE_COUNTRIES, debtor.country];
    return [...codes].sort((a, b) => countryName(a).localeCompare(countryName(b)));
  }, [countryName, debtor.country]);

  const changeCountry = (country: string) =>
    setSettings((current) => ({
      ...current,
      country,
      language: current.language === defaultLanguage(current.country) ? defaultLanguage(country) : current.language,
      jurisdiction: current.jurisdiction === defaultJurisdiction(current.country) ? defaultJurisdiction(country) : current.jurisdiction,
    }));
  const { errors, failure, isSaving, save } = useCheckedSave(async () => {
    const { homeCurrency } = await kredo.importGetSettings();
    return dataWorker().saveDebtorSettings({ debtorId: debtor.id, settings, today: clock.today(), at: clock.now().toISOString(), homeCurrency });
  }, onDone);
  const field = useFieldProblems(errors, SETTING_PATHS, (error) => t(`settings.errors.${error.code}`, { ...error.params, defaultValue: t('settings.errors.invalid') }));

  return (
    <form
      className="debtor-settings"
      aria-label={t('settings.title')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label className="policy-field">
        <span>{t('identity.country')}</span>
        <select value={settings.country} onChange={(event) => changeCountry(event.target.value)} {...field.country.props}>
          {countries.map((code) => <option key={code} value={code}>{countryName(code)}</option>)}
        </select>
        {field.country.message}
      </label>
      <label className="policy-field">
        <span>{t('identity.language')}</span>
        <select value={settings.language} onChange={(event) => setSettings({ ...settings, language: SUPPORTED_LANGUAGES.find((code) => code === event.target.value) ?? settings.language })} {...field.language.props}>
          {SUPPORTED_LANGUAGES.map((code) => <option key={code} value={code}>{languageName(code)}</option>)}
        </select>
        {field.language.message}
      </label>
      <label className="policy-field">
        <span>{t('identity.law')}</span>
        <select value={settings.jurisdiction} onChange={(event) => setSettings({ ...settings, jurisdiction: LAW_JURISDICTIONS.find((code) => code === event.target.value) ?? settings.jurisdiction })} {...field.jurisdiction.props}>
          {LAW_JURISDICTIONS.map((code) => <option key={code} value={code}>{t(`identity.laws.${code}`)}</option>)}
        </select>
        {field.jurisdiction.message}
      </label>
      <label className="policy-field">
        <span>{t('identity.segment')}</span>
        <select value={settings.segment} disabled={!policy} onChange={(event) => setSettings({ ...settings, segment: event.target.value })} {...field.segment.props}>
          <option value="">{t('settings.segmentNone')}</option>
          {segments.map((name) => <option key={name} value={name}>{name}</option>)}
          {retiredSegment !== undefined && <option value={retiredSegment}>{t('settings.segmentRetired', { segment: retiredSegment })}</option>}
        </select>
        {retiredSegment !== undefined && settings.segment === retiredSegment && <span className="warning-text">{t('settings.segmentRetiredNote', { segment: retiredSegment })}</span>}
        {field.segment.message}
      </label>
      <p className="note">{t('settings.hint')}</p>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={isSaving}>{t('settings.save')}</button>
        <button type="button" className="button" onClick={onDone}>{t('settings.cancel')}</button>
      </div>
      {failure && <p role="alert" className="error-text">{failure}</p>}
    </form>
  );
}
