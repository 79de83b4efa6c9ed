import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_HEADER_ROW, TABLE_DELIMITERS, TEXT_ENCODINGS, type ImportDialect, type ImportReading, type TabularAnalysis } from '../../../../shared/ipc/import-contract';
import { OPEN_ITEM_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type TableField } from '../../../../shared/import/open-item-fields';
import { CUSTOMER_FIELDS, REQUIRED_CUSTOMER_FIELDS, TABLE_CONTENTS, type TableContent } from '../../../../shared/import/customer-fields';
import { DATE_FORMATS, type DateFormat } from '../../../../shared/import/parse-date';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { kredo } from '../../platform/kredo-api';
import { SampleTable } from './SampleTable';

const CURRENCIES = ['EUR', 'SEK', 'GBP', 'USD', 'NOK', 'DKK', 'CHF', 'PLN'];
const DELIMITER_NAMES: Readonly<Record<string, 'comma' | 'semicolon' | 'tab' | 'pipe'>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
const ENCODING_NAMES: Readonly<Record<(typeof TEXT_ENCODINGS)[number], string>> = {
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
};

/**
 * How to read an open-items table: how the file is read (encoding, separator, sheet, header row: each
 * detected, shown and changeable, the file then read again), which column holds which field (proposed
 * from the headers, an ERP preset or a saved profile), and the file's number and date conventions
 * (detected, changeable). The preview shows the first rows under the chosen mapping and what each
 * amount and date is read as, and follows every change at once. A saved profile keeps all of it.
 */
export function ColumnMappingStep({
  analysis,
  isRereading = false,
  onReread,
  onRead,
  onDiscard,
}: {
  readonly analysis: TabularAnalysis;
  readonly isRereading?: boolean;
  readonly onReread: (reading: ImportReading) => void;
  readonly onRead: (mapping: ColumnMapping, dialect: ImportDialect, content: TableContent) => void;
  readonly onDiscard: () => void;
}) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const id = useId();
  // Open items or a customer export (contacts and addresses): the same step, each with its own fields.
  const [content, setContent] = useState<TableContent>(analysis.content ?? 'open-items');
  const [mapping, setMapping] = useState<ColumnMapping>(() => (content === 'customers' ? (analysis.customerMapping ?? {}) : analysis.mapping));
  const isCustomers = content === 'customers';
  const fields: readonly TableField[] = isCustomers ? CUSTOMER_FIELDS : OPEN_ITEM_FIELDS;
  const required: readonly TableField[] = isCustomers ? REQUIRED_CUSTOMER_FIELDS : REQUIRED_FIELDS;
  const changeContent = (next: TableContent) => {
    setContent(next);
    setMapping(next === 'customers' ? (analysis.customerMapping ?? {}) : analysis.mapping);
  };
  const [decimal, setDecimal] = useState(analysis.dialect.decimal);
  const [dateFormat, setDateFormat] = useState<DateFormat | ''>(analysis.dialect.dateFormat ?? '');
  const [defaultCurrency, setDefaultCurrency] = useState(analysis.dialect.defaultCurrency);
  const [profileName, setProfileName] = useState('');
  const [shouldSaveProfile, setSaveProfile] = useState(false);
  const [error, setError] = useState<string>();

  const missing = required.filter((field) => mapping[field] === undefined);
  const fieldName = (field: TableField) => t(`fields.${field}`);
  const setColumn = (field: TableField, value: string) => setMapping((current) => {
    const next = { ...current };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    return next;
  });
  // A customer export has no dates or amounts to read: its date format does not matter.
  const canRead = !isRereading && missing.length === 0 && (dateFormat !== '' || isCustomers) && (!shouldSaveProfile || profileName.trim() !== '');
  const isExcel = analysis.encoding === 'xlsx';
  const { reading, detected } = analysis;
  const reread = (change: ImportReading) => onReread({ ...reading, ...change });
  /** An option's label, marked when it is what detection found. */
  const option = (label: string, isDetected: boolean) => (isDetected ? t('mapping.detectedOption', { option: label }) : label);

  const onSubmit = async () => {
    if (dateFormat === '' && !isCustomers) return;
    const dialect: ImportDialect = { decimal, dateFormat: dateFormat === '' ? 'YYYY-MM-DD' : dateFormat, defaultCurrency };
    try {
      if (shouldSaveProfile) await kredo.importSaveProfile({ name: profileName.trim(), headers: analysis.headers, mapping, dialect, reading: analysis.reading, ...(isCustomers && { content }) });
      onRead(mapping, dialect, content);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  return (
    <form className="mapping-step" onSubmit={(event) => { event.preventDefault(); void onSubmit(); }}>
      <p className="note" role="status">
        {isRereading
          ? t('mapping.rereading')
          : [
              t('mapping.rows', { count: analysis.rowCount, formatted: format.number(analysis.rowCount) }),
              analysis.profileId
                ? t('mapping.profileApplied')
                : isCustomers && analysis.customerPresetName
                  ? t('mapping.customerPresetApplied', { preset: analysis.customerPresetName })
                  : !isCustomers && analysis.presetName
                    ? t('mapping.presetApplied', { preset: analysis.presetName })
                    : t('mapping.guessed'),
            ].join(' · ')}
      </p>
      <fieldset className="mapping-fields mapping-reading" disabled={isRereading}>
        <legend>{t('mapping.readingTitle')}</legend>
        {isExcel ? (
          <label className="mapping-row">
            <span>{t('mapping.sheet')}</span>
            <select value={reading.sheet ?? ''} onChange={(event) => reread({ sheet: event.target.value })}>
              {analysis.sheets.map((sheet) => (
                <option key={sheet} value={sheet}>
                  {option(sheet, sheet === detected.sheet)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
            <label className="mapping-row">
              <span>{t('mapping.encoding')}</span>
              <select value={reading.encoding ?? ''} onChange={(event) => reread({ encoding: event.target.value as ImportReading['encoding'] })}>
                {TEXT_ENCODINGS.map((encoding) => (
                  <option key={encoding} value={encoding}>
                    {option(ENCODING_NAMES[encoding], encoding === detected.encoding)}
                  </option>
                ))}
              </select>
            </label>
            <label className="mapping-row">
              <span>{t('mapping.delimiter')}</span>
              <select value={reading.delimiter ?? ''} onChange={(event) => reread({ delimiter: event.target.value as ImportReading['delimiter'] })}>
                {TABLE_DELIMITERS.map((delimiter) => (
                  <option key={delimiter} value={delimiter}>
                    {option(t(`mapping.delimiters.${DELIMITER_NAMES[delimiter]!}`), delimiter === detected.delimiter)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label className="mapping-row">
          <span>{t('mapping.headerRow')}</span>
          <select value={reading.headerRow ?? 1} onChange={(event) => reread({ headerRow: Number(event.target.value) })}>
            {Array.from({ length: MAX_HEADER_ROW }, (_unused, index) => index + 1).map((row) => (
              <option key={row} value={row}>
                {option(t('mapping.rowNumber', { number: row }), row === detected.headerRow)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <div className="mapping-grid">
        <fieldset className="mapping-fields">
          <legend>{t('mapping.columnsTitle')}</legend>
          <label className="mapping-row">
            <span>{t('mapping.content')}</span>
            <select value={content} onChange={(event) => changeContent(event.target.value === 'customers' ? 'customers' : 'open-items')}>
              {TABLE_CONTENTS.map((choice) => (
                <option key={choice} value={choice}>
                  {option(t(`mapping.contents.${choice}`), choice === (analysis.content ?? 'open-items'))}
                </option>
              ))}
            </select>
          </label>
          {fields.map((field) => (
            <label key={field} className="mapping-row" htmlFor={`${id}-${field}`}>
              <span>
                {fieldName(field)}
                {required.includes(field) ? <span className="required-mark">{t('mapping.required')}</span> : null}
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
              <option value=",">{option(t('mapping.decimalComma'), analysis.dialect.decimal === ',')}</option>
              <option value=".">{option(t('mapping.decimalPoint'), analysis.dialect.decimal === '.')}</option>
            </select>
          </label>
          <label className="mapping-row">
            <span>{t('mapping.dateFormat')}</span>
            <select value={dateFormat} onChange={(event) => setDateFormat(event.target.value as DateFormat | '')}>
              {dateFormat === '' ? <option value="">{t('mapping.chooseDateFormat')}</option> : null}
              {DATE_FORMATS.map((choice) => (
                <option key={choice} value={choice}>
                  {option(choice === 'excel-serial' ? t('mapping.excelSerial') : choice, choice === analysis.dialect.dateFormat)}
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
      {dateFormat === '' && !isCustomers ? (
        <p role="alert" className="error-text">
          {t('mapping.dateFormatUnknown')}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      {analysis.headers.length === 0 || analysis.rowCount === 0 ? (
        <p role="alert" className="error-text">
          {t('mapping.nothingUnderHeader')}
        </p>
      ) : null}
      <SampleTable headers={analysis.headers} rows={analysis.sample} mapping={mapping} fieldName={fieldName} reading={{ decimal, dateFormat, defaultCurrency }} />
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
