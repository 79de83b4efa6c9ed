import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsurerConnectionSettings, InsurerConnectionView } from '../../../../shared/ipc/insurer-contract';
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

/**
 * Sandbox or insurer URL, policy and API key; "Test and save" signs in first, so a wrong URL or key changes
 * nothing. The stored key is sent only to the origin it was entered for (the main process refuses anything
 * else), so an address at another origin asks for the key again and says why.
 */
export function InsurerConnectionForm({ connection, onSaved }: { readonly connection: InsurerConnectionView; readonly onSaved: () => void }) {
  const { t } = useTranslation('settings');
  const errorMessage = useErrorMessage();
  const id = useId();
  const initial = connection.settings;
  const [mode, setMode] = useState<InsurerConnectionSettings['mode']>(initial.mode);
  const [baseUrl, setBaseUrl] = useState(initial.mode === 'insurer' ? initial.baseUrl : '');
  const [policyId, setPolicyId] = useState(initial.mode === 'insurer' ? initial.policyId : '');
  const [apiKey, setApiKey] = useState('');
  const [status, setStatus] = useState<{ text: string; isError: boolean }>();
  const [isSaving, setSaving] = useState(false);
  const typedOrigin = originOf(baseUrl);
  const keyOrigin = connection.apiKeyOrigin;
  const isKeyStoredForUrl = keyOrigin !== null && typedOrigin === keyOrigin;
  const isNewOrigin = keyOrigin !== null && typedOrigin !== undefined && typedOrigin !== keyOrigin;

  const save = async () => {
    setSaving(true);
    setStatus(undefined);
    try {
      const settings: InsurerConnectionSettings = mode === 'sandbox' ? { mode } : { mode, baseUrl: baseUrl.trim(), policyId: policyId.trim() };
      await kredo.insurerSetConnection({ settings, ...(apiKey.trim() !== '' && { apiKey: apiKey.trim() }) });
      setApiKey('');
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
        {mode === 'insurer' && (
          <div className="form-grid">
            <label>
              <span>{t('insurer.baseUrl')}</span>
              <input type="url" required value={baseUrl} onChange={(event) => setBaseUrl(event.target.value)} />
            </label>
            <label>
              <span>{t('insurer.policyId')}</span>
              <input type="text" required value={policyId} onChange={(event) => setPolicyId(event.target.value)} />
            </label>
            <label>
              <span>{t('insurer.apiKey')}</span>
              <input
                type="password"
                autoComplete="off"
                required={!isKeyStoredForUrl}
                value={apiKey}
                placeholder={isKeyStoredForUrl ? t('insurer.apiKeyStored') : ''}
                aria-describedby={isNewOrigin ? `${id}-new-origin` : undefined}
                onChange={(event) => setApiKey(event.target.value)}
              />
            </label>
            {isNewOrigin && (
              <p id={`${id}-new-origin`} className="note">
                {t('insurer.apiKeyNewOrigin', { origin: keyOrigin })}
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
