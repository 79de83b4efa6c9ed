import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from '../../../../shared/i18n/languages';
import { useBootstrap } from '../../app/bootstrap-context';
import { ScreenHeader } from '../../components/ScreenHeader';
import { BackupsSection } from './BackupsSection';
import { CreditPolicySection } from './CreditPolicySection';
import { ImportSettingsSection } from './ImportSettingsSection';
import { InsurerSection } from './InsurerSection';
import { InterestRatesSection } from './InterestRatesSection';
import { LetterheadSection } from './LetterheadSection';
import { LetterTextsSection } from './LetterTextsSection';
import { MailSection } from './MailSection';
import { RatesSection } from './RatesSection';
import { SettingsNav } from './SettingsNav';
import { UpdatesSection } from '../updates/UpdatesSection';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useLanguage } from '../../i18n/use-language';
import { kredo } from '../../platform/kredo-api';

export function SettingsScreen() {
  const { t } = useTranslation(['settings', 'common']);
  const errorMessage = useErrorMessage();
  const bootstrap = useBootstrap();
  const { language, changeLanguage } = useLanguage();
  const [logStatus, setLogStatus] = useState<string>();
  const sections = useRef<HTMLDivElement>(null);

  const onOpenLogFolder = async () => {
    try {
      await kredo.openLogFolder();
      setLogStatus(t('settings:about.logFolderOpened'));
    } catch (error) {
      setLogStatus(errorMessage(error));
    }
  };

  return (
    <section>
      <ScreenHeader title={t('settings:title')} intro={t('settings:language.body')} />
      <div className="settings-layout">
      <SettingsNav sections={sections} />
      <div ref={sections} className="settings-sections">
      <fieldset className="settings-group">
        <legend id="settings-language-title">{t('settings:language.title')}</legend>
        <div className="radio-row">
          {SUPPORTED_LANGUAGES.map((option) => (
            <label key={option} className="radio-option" lang={option}>
              <input
                type="radio"
                name="language"
                value={option}
                checked={option === language}
                onChange={() => void changeLanguage(option)}
              />
              {LANGUAGE_NAMES[option]}
            </label>
          ))}
        </div>
      </fieldset>
      <InsurerSection />
      <RatesSection />
      <InterestRatesSection />
      <CreditPolicySection />
      <LetterheadSection />
      <LetterTextsSection />
      <MailSection />
      <ImportSettingsSection />
      <BackupsSection />
      <UpdatesSection />
      <section className="settings-group" aria-labelledby="about-title">
        <h2 id="about-title">{t('settings:about.title')}</h2>
        <dl className="facts">
          <dt>{t('settings:about.version')}</dt>
          <dd>{bootstrap.appVersion}</dd>
          <dt>{t('settings:about.host')}</dt>
          <dd>{bootstrap.host === 'electron' ? t('settings:about.hostElectron') : t('settings:about.hostChromium')}</dd>
          <dt>{t('settings:about.logFile')}</dt>
          <dd>
            <code>{bootstrap.logFilePath}</code>
          </dd>
        </dl>
        <button type="button" className="button" onClick={() => void onOpenLogFolder()}>
          {t('common:actions.openLogFolder')}
        </button>
        {logStatus ? (
          <p role="status" className="note">
            {logStatus}
          </p>
        ) : null}
      </section>
      </div>
      </div>
    </section>
  );
}
