import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES, isSupportedLanguage, type Language } from '../../../../shared/i18n/languages';
import { useClock } from '../../app/app-clock';
import { dataWorker } from '../../data/data-client';
import type { LetterTextVersion } from '../../data/db/schema';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { useLanguage } from '../../i18n/use-language';
import { LETTER_STEPS, type LetterCreditor, type LetterStep } from '../../letters/dunning-letter';
import { buildLetterContent } from '../../letters/letter-content';
import { FREE_TEXT_PARTS, unknownPlaceholders, type FreeTextPart, type LetterFreeTexts } from '../../letters/letter-free-texts';
import { letterPlainText } from '../../letters/letter-plain-text';
import { letterTranslator } from '../../letters/letter-translator';
import { kredoWording } from './kredo-wording';
import { sampleLetterInput } from './letter-text-sample';

type Draft = Record<FreeTextPart, string>;
const EMPTY: Draft = { salutation: '', opening: '', closing: '' };
const draftOf = (texts: LetterFreeTexts | undefined): Draft => ({ salutation: texts?.salutation ?? '', opening: texts?.opening ?? '', closing: texts?.closing ?? '' });

/**
 * Settings › Letter texts (issue 16, item 4): the controller words the greeting, opening and closing of each
 * letter per language and step, with placeholders, and sees the letter they give; the legal parts stay
 * Kredo's. Every save is a version (the list below), a reset is a version with Kredo's wording, and each
 * kept letter records the version it was made with.
 */
export function LetterTextsSection() {
  const { t } = useTranslation(['settings', 'dunning']);
  const { language: uiLanguage } = useLanguage();
  const clock = useClock();
  const format = useFormat();
  const id = useId();
  const errorMessage = useErrorMessage();
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [step, setStep] = useState<LetterStep>('reminder-1');
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [history, setHistory] = useState<readonly LetterTextVersion[]>([]);
  const [creditor, setCreditor] = useState<LetterCreditor>();
  const [status, setStatus] = useState<{ readonly text: string; readonly isError: boolean }>();

  useEffect(() => {
    let isActive = true;
    dataWorker().letterhead().then((loaded) => isActive && setCreditor(loaded), () => undefined);
    return () => {
      isActive = false;
    };
  }, []);
  useEffect(() => {
    let isActive = true;
    dataWorker().letterTextHistory({ language, step }).then(
      (versions) => {
        if (!isActive) return;
        setHistory(versions);
        setDraft(draftOf(versions[0]?.texts));
      },
      (error: unknown) => isActive && setStatus({ text: errorMessage(error), isError: true }),
    );
    return () => {
      isActive = false;
    };
  }, [language, step, errorMessage]);

  const standard = useMemo(() => kredoWording(language, step), [language, step]);
  const unknown = FREE_TEXT_PARTS.flatMap((part) => unknownPlaceholders(draft[part]));
  const sample = useMemo(() => {
    if (!creditor || unknown.length > 0) return undefined;
    // A made-up debtor of the letter's language, at home there (not of the screens' language).
    const lng = { lng: language };
    const debtor = { name: t('settings:letterTexts.sample.debtorName', lng), contactName: t('settings:letterTexts.sample.contactName', lng), addressLines: [t('settings:letterTexts.sample.address1', lng), t('settings:letterTexts.sample.address2', lng)] };
    const input = sampleLetterInput({ language, step, creditor, today: clock.today(), texts: draft, debtor });
    return letterPlainText(buildLetterContent(input, letterTranslator(language)), '');
    // `unknown` follows from `draft`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [creditor, language, step, draft, clock, t]);

  const save = async (texts: LetterFreeTexts) => {
    setStatus(undefined);
    try {
      const saved = await dataWorker().saveLetterTexts({ language, step, texts, at: clock.now().toISOString() });
      setHistory(await dataWorker().letterTextHistory({ language, step }));
      setDraft(draftOf(saved.texts));
      setStatus({ text: t(Object.keys(saved.texts).length === 0 ? 'settings:letterTexts.resetDone' : 'settings:letterTexts.saved', { version: saved.version }), isError: false });
    } catch (error) {
      setStatus({ text: errorMessage(error), isError: true });
    }
  };

  return (
    <section className="settings-group" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings:letterTexts.title')}</h2>
      <p className="note">{t('settings:letterTexts.body')}</p>
      <div className="letterhead-grid">
        <div className="policy-field">
          <label htmlFor={`${id}-language`}>{t('settings:letterTexts.language')}</label>
          <select id={`${id}-language`} value={language} onChange={(event) => isSupportedLanguage(event.target.value) && setLanguage(event.target.value)}>
            {SUPPORTED_LANGUAGES.map((option) => <option key={option} value={option}>{LANGUAGE_NAMES[option]}</option>)}
          </select>
        </div>
        <div className="policy-field">
          <label htmlFor={`${id}-step`}>{t('settings:letterTexts.step')}</label>
          <select id={`${id}-step`} value={step} onChange={(event) => setStep(LETTER_STEPS.find((option) => option === event.target.value) ?? step)}>
            {LETTER_STEPS.map((option) => <option key={option} value={option}>{t(`dunning:steps.${option}`)}</option>)}
          </select>
        </div>
      </div>
      <p className="note">{t('settings:letterTexts.placeholders')} {t('settings:letterTexts.blankNote')}</p>
      {FREE_TEXT_PARTS.map((part) => (
        <label key={part} className="policy-field letterhead-address">
          <span>{t(`settings:letterTexts.parts.${part}`)}</span>
          <textarea rows={part === 'salutation' ? 1 : 3} lang={language} value={draft[part]} placeholder={standard[part]} onChange={(event) => setDraft({ ...draft, [part]: event.target.value })} />
          {part === 'opening' && step === 'formal-notice' && <span className="note">{t('settings:letterTexts.openingFormalNotice')}</span>}
        </label>
      ))}
      <p className="note">{t('settings:letterTexts.generated')}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => void save(draft)}>{t('settings:letterTexts.save')}</button>
        <button type="button" className="button" onClick={() => void save({})}>{t('settings:letterTexts.reset')}</button>
      </div>
      {status && <p role={status.isError ? 'alert' : 'status'} className={status.isError ? 'error-text' : 'note'}>{status.text}</p>}
      <h3>{t('settings:letterTexts.preview')}</h3>
      <p className="note">{t('settings:letterTexts.previewNote')}</p>
      {sample !== undefined && <pre className="letter-text" lang={language} data-testid="letter-text-preview" tabIndex={0}>{sample}</pre>}
      <h3>{t('settings:letterTexts.history.title')}</h3>
      {history.length === 0 ? (
        <p className="note">{t('settings:letterTexts.history.none')}</p>
      ) : (
        <table className="data-table" data-testid="letter-text-versions">
          <thead>
            <tr>
              <th scope="col">{t('settings:letterTexts.history.version')}</th>
              <th scope="col">{t('settings:letterTexts.history.savedAt')}</th>
              <th scope="col">{t('settings:letterTexts.history.texts')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((row) => (
              <tr key={row.id}>
                <td>{row.version}</td>
                <td>{format.dateTime(new Date(row.savedAt))}</td>
                <td className="wrap" lang={language}>
                  {Object.keys(row.texts).length === 0
                    ? t('settings:letterTexts.history.kredo')
                    : FREE_TEXT_PARTS.filter((part) => row.texts[part]).map((part) => `${t(`settings:letterTexts.parts.${part}`)}: ${row.texts[part] ?? ''}`).join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
