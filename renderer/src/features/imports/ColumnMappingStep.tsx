import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportDialect, TabularAnalysis } from '../../../../shared/ipc/import-contract';
import { missingRequiredFields, OPEN_ITEM_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type OpenItemField } from '../../../../shared/import/open-item-fields';
import { DATE_FORMATS, type DateFormat } from '../../../../shared/import/parse-date';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { kredo } from '../../platform/kredo-api';
import { SampleTable } from './SampleTable';

const CURRENCIES = ['EUR', 'SEK', 'GBP', 'USD', 'NOK', 'DKK', 'CHF', 'PLN'];
const DELIMITER_NAMES: Readonly<Record<string, 'comma' | 'semicolon' | 'tab' | 'pipe'>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/**
 * How to read an open-items table: which column holds which field (proposed from the headers, an ERP
 * preset or a saved profile), and the file's number and date conventions (detected, changeable). A
 * preview shows the first rows under the chosen mapping.
 */
export function ColumnMappingStep({ analysis, onRead, onDiscard }: { readonly analysis: TabularAnalysis; readonly onRead: (mapping: ColumnMapping, dialect: ImportDialect) => void; readonly onDiscard: () => void }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [mapping, setMapping] = useState<ColumnMapping>(analysis.mapping);
  const [decimal, setDecimal] = useState(analysis.dialect.decimal);
  const [dateFormat, setDateFormat] = useState<DateFormat | ''>(analysis.dialect.dateFormat ?? '');
  const [defaultCurrency, setDefaultCurrency] = useState(analysis.dialect.defaultCurrency);
  const [profileName, setProfileName] = useState('');
  const [shouldSaveProfile, setSaveProfile] = useState(false);
  const [error, setError] = useState<string>();

  const missing = missingRequiredFields(mapping);
  const fieldName = (field: OpenItemField) => t(`fields.${field}`);
  const setColumn = (field: OpenItemField, value: string) => setMapping((current) => {
    const next = { ...current };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    return next;
  });
  const canRead = missing.length === 0 && dateFormat !== '' && (!shouldSaveProfile || profileName.trim() !== '');

  const onSubmit = async () => {
    if (dateFormat === '') return;
    const dialect: ImportDialect = { decimal, dateFormat, defaultCurrency };
    try {
      if (shouldSaveProfile) await kredo.importSaveProfile({ name: profileName.trim(), headers: analysis.headers, mapping, dialect });
      onRead(mapping, dialect);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  const delimiter = DELIMITER_NAMES[analysis.delimiter];
  return (
    <form className="mapping-step" onSubmit={(event) => { event.preventDefault(); void onSubmit(); }}>
      <p className="note">
        {[
          analysis.encoding === 'xlsx' ? t('mapping.detectedExcel') : t('mapping.detectedText', { encoding: analysis.encoding, delimiter: delimiter ? t(`mapping.delimiters.${delimiter}`) : analysis.delimiter }),
          t('mapping.rows', { count: analysis.rowCount, formatted: format.number(analysis.rowCount) }),
          analysis.profileId ? t('mapping.profileApplied') : analysis.presetName ? t('mapping.presetApplied', { preset: analysis.presetName }) : t('mapping.guessed'),
        ].join(' · ')}
      </p>
      <div className="mapping-grid">
        <fieldset className="mapping-fields">
          <legend>{t('mapping.columnsTitle')}</legend>
          {OPEN_ITEM_FIELDS.map((field) => (
            <label key={field} className="mapping-row" htmlFor={`${id}-${field}`}>
              <span>
                {fieldName(field)}
                {REQUIRED_FIELDS.includes(field) ? <span className="required-mark">{t('mapping.required')}</span> : null}
              </span>
              <select id={`${id}-${field}`} value={mapping[field] ?? ''} onChange={(event) => setColumn(field, event.target.value)}>
                <option value="">{t('mapping.notInFile')}</option>
                {analysis.headers.map((header, column) => (
                  <option key={column} value={column}>
                    {header || t('mapping.columnNumber', { number: column + 1 })}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
        <fieldset className="mapping-fields">
          <legend>{t('mapping.conventionsTitle')}</legend>
          <label className="mapping-row">
            <span>{t('mapping.decimal')}</span>
            <select value={decimal} onChange={(event) => setDecimal(event.target.value === ',' ? ',' : '.')}>
              <option value=",">{t('mapping.decimalComma')}</option>
              <option value=".">{t('mapping.decimalPoint')}</option>
            </select>
          </label>
          <label className="mapping-row">
            <span>{t('mapping.dateFormat')}</span>
            <select value={dateFormat} onChange={(event) => setDateFormat(event.target.value as DateFormat | '')}>
              {dateFormat === '' ? <option value="">{t('mapping.chooseDateFormat')}</option> : null}
              {DATE_FORMATS.map((option) => (
                <option key={option} value={option}>
                  {option === 'excel-serial' ? t('mapping.excelSerial') : option}
                </option>
              ))}
            </select>
          </label>
          <label className="mapping-row">
            <span>{t('mapping.defaultCurrency')}</span>
            <select value={defaultCurrency} onChange={(event) => setDefaultCurrency(event.target.value)}>
              {[...new Set([defaultCurrency, ...CURRENCIES])].map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox-row">
            <input type="checkbox" checked={shouldSaveProfile} onChange={(event) => setSaveProfile(event.target.checked)} />
            {t('mapping.saveProfile')}
          </label>
          {shouldSaveProfile ? (
            <label className="mapping-row">
              <span>{t('mapping.profileName')}</span>
              <input type="text" value={profileName} maxLength={80} onChange={(event) => setProfileName(event.target.value)} />
            </label>
          ) : null}
        </fieldset>
      </div>
      {missing.length > 0 ? (
        <p role="alert" className="error-text">
          {t('mapping.missing', { fields: missing.map(fieldName).join(', ') })}
        </p>
      ) : null}
      {dateFormat === '' ? (
        <p role="alert" className="error-text">
          {t('mapping.dateFormatUnknown')}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      <SampleTable headers={analysis.headers} rows={analysis.sample} mapping={mapping} fieldName={fieldName} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={!canRead}>
          {t('wizard.read')}
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          {t('wizard.remove')}
        </button>
      </div>
    </form>
  );
}
