import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsurerConnectionSettings, InsurerConnectionView, InsurerCredentials } from '../../../../shared/ipc/insurer-contract';
import { DIALECT_TEST_URLS, INSURER_DIALECTS, type InsurerDialect } from '../../../../shared/sync/insurer-dialect';
import { useErrorMessage } from '../../i18n/use-error-message';
import { kredo } from '../../platform/kredo-api';

/** The origin (scheme, host, port) of a typed URL, as the main process binds the key to it; undefined while not a URL. */
function originOf(url: string): string | undefined {
  try {
    const { origin } = new URL(url.trim());
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** Each dialect's secrets as the form asks for them; all are masked, none is ever shown again. */
const SECRET_FIELDS = { canonical: ['apiKey'], atradius: ['appKey', 'clientId', 'clientSecret'], allianz: ['apiKey'] } as const satisfies Record<InsurerDialect, readonly string[]>;
type SecretField = (typeof SECRET_FIELDS)[InsurerDialect][number];

/**
 * Sandbox or insurer URL, the API's dialect (Kredo's own, Atradius, Allianz Trade), policy and exactly that
 * dialect's secrets (and Atradius's customer ID, Allianz Trade's business unit); "Test and save" signs in first, so a wrong URL or secret changes nothing.
 * The stored secrets are sent only to the origin they were entered for (the main process refuses anything
 * else), so an address at another origin asks for them again and says why.
 */
export function InsurerConnectionForm({ connection, onSaved }: { readonly connection: InsurerConnectionView; readonly onSaved: () => void }) {
  const { t } = useTranslation('settings');
  const errorMessage = useErrorMessage();
  const id = useId();
  const initial = connection.settings;
  const [mode, setMode] = useState<InsurerConnectionSettings['mode']>(initial.mode);
  const [baseUrl, setBaseUrl] = useState(initial.mode === 'insurer' ? initial.baseUrl : '');
  const [policyId, setPolicyId] = useState(initial.mode === 'insurer' ? initial.policyId : '');
  const [dialect, setDialect] = useState<InsurerDialect>(connection.dialect);
  const [customerId, setCustomerId] = useState(initial.mode === 'insurer' ? (initial.customerId ?? '') : '');
  const [businessUnitCode, setBusinessUnitCode] = useState(initial.mode === 'insurer' ? (initial.businessUnitCode ?? '') : '');
  const [secrets, setSecrets] = useState<Partial<Record<SecretField, string>>>({});
  const [status, setStatus] = useState<{ text: string; isError: boolean }>();
  const [isSaving, setSaving] = useState(false);
  const typedOrigin = originOf(baseUrl);
  const keyOrigin = connection.apiKeyOrigin;
  // The stored secrets are the saved dialect's: another dialect's must be typed.
  const isSameDialect = dialect === connection.dialect;
  const isKeyStoredForUrl = isSameDialect && keyOrigin !== null && typedOrigin === keyOrigin;
  const isNewOrigin = isSameDialect && keyOrigin !== null && typedOrigin !== undefined && typedOrigin !== keyOrigin;
  const typed = SECRET_FIELDS[dialect].map((field) => (secrets[field] ?? '').trim());
  const credentials = (): InsurerCredentials | undefined => {
    if (typed.every((value) => value === '')) return undefined;
    if (dialect === 'atradius') return { dialect, appKey: typed[0]!, clientId: typed[1]!, clientSecret: typed[2]! };
    return { dialect, apiKey: typed[0]! };
  };

  const save = async () => {
    setSaving(true);
    setStatus(undefined);
    try {
      const chosen = dialect === 'canonical' ? {} : { dialect };
      const settings: InsurerConnectionSettings =
        mode === 'sandbox'
          ? { mode, ...chosen }
          : { mode, ...chosen, baseUrl: baseUrl.trim(), policyId: policyId.trim(), ...(dialect === 'atradius' && { customerId: customerId.trim() }), ...(dialect === 'allianz' && { businessUnitCode: businessUnitCode.trim() }) };
      const given = mode === 'insurer' ? credentials() : undefined;
      await kredo.insurerSetConnection({ settings, ...(given && { credentials: given }) });
      setSecrets({});
      setStatus({ text: t('insurer.saved'), isError: false });
      onSaved();
    } catch (error) {
      setStatus({ text: errorMessage(error), isError: true });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="radio-row">
          <label className="radio-option">
            <input type="radio" name={`${id}-mode`} checked={mode === 'sandbox'} onChange={() => setMode('sandbox')} />
            {t('insurer.sandbox')}
          </label>
          <label className="radio-option">
            <input type="radio" name={`${id}-mode`} checked={mode === 'insurer'} onChange={() => setMode('insurer')} />
            {t('insurer.api')}
          </label>
        </div>
        <fieldset className="radio-row">
          <legend>{t('insurer.dialect')}</legend>
          {INSURER_DIALECTS.map((choice) => (
            <label key={choice} className="radio-option">
              <input type="radio" name={`${id}-dialect`} checked={dialect === choice} onChange={() => setDialect(choice)} />
              {t(`insurer.dialects.${choice}`)}
            </label>
          ))}
        </fieldset>
        {dialect !== 'canonical' && <p className="note">{t(`insurer.dialectLacks.${dialect}`)}</p>}
        {mode === 'insurer' && (
          <div className="form-grid">
            <label>
              <span>{t('insurer.baseUrl')}</span>
              <input type="url" required value={baseUrl} placeholder={DIALECT_TEST_URLS[dialect]} onChange={(event) => setBaseUrl(event.target.value)} />
            </label>
            <label>
              <span>{t('insurer.policyId')}</span>
              <input type="text" required value={policyId} onChange={(event) => setPolicyId(event.target.value)} />
            </label>
            {dialect === 'atradius' && (
              <label>
                <span>{t('insurer.customerId')}</span>
                <input type="text" required value={customerId} onChange={(event) => setCustomerId(event.target.value)} />
              </label>
            )}
            {dialect === 'allianz' && (
              <label>
                <span>{t('insurer.businessUnitCode')}</span>
                <input type="text" required value={businessUnitCode} onChange={(event) => setBusinessUnitCode(event.target.value)} />
              </label>
            )}
            {SECRET_FIELDS[dialect].map((field) => (
              <label key={`${dialect}-${field}`}>
                <span>{field === 'apiKey' ? t('insurer.apiKey') : t(`insurer.secrets.${field}`)}</span>
                <input
                  type="password"
                  autoComplete="off"
                  required={!isKeyStoredForUrl}
                  value={secrets[field] ?? ''}
                  placeholder={isKeyStoredForUrl ? t('insurer.apiKeyStored') : ''}
                  aria-describedby={isNewOrigin ? `${id}-new-origin` : undefined}
                  onChange={(event) => setSecrets((current) => ({ ...current, [field]: event.target.value }))}
                />
              </label>
            ))}
            {isNewOrigin && (
              <p id={`${id}-new-origin`} className="note">
                {t(dialect === 'atradius' ? 'insurer.credentialsNewOrigin' : 'insurer.apiKeyNewOrigin', { origin: keyOrigin })}
              </p>
            )}
          </div>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={isSaving}>
            {isSaving ? t('insurer.testing') : t('insurer.save')}
          </button>
        </div>
      </form>
      {status && <p role={status.isError ? 'alert' : 'status'} className={status.isError ? 'error-text' : 'note'}>{status.text}</p>}
    </>
  );
}
