import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocalMailHost, MAIL_SECURITY, type MailSecurity, type MailSettings, type MailSettingsView } from '../../../../shared/ipc/mail-contract';
import { useErrorMessage } from '../../i18n/use-error-message';
import { kredo } from '../../platform/kredo-api';

const DEFAULT_PORT: Record<MailSecurity, number> = { tls: 465, starttls: 587, none: 25 };

/**
 * Settings › E-mail: the controller's own mailbox, from which processed letters are sent (electron/main/mail/).
 * The password goes to the main process's secret store, bound to the host and port, and is never shown again;
 * "Send a test message" tries the settings as typed before anything is saved and says what failed.
 */
export function MailSection() {
  const { t } = useTranslation('settings');
  const errorMessage = useErrorMessage();
  const id = useId();
  const [view, setView] = useState<MailSettingsView>();
  const [form, setForm] = useState<MailSettings>({ host: '', port: 587, security: 'starttls', user: '', fromName: '', fromAddress: '', replyTo: null });
  const [password, setPassword] = useState('');
  const [status, setStatus] = useState<{ readonly text: string; readonly isError: boolean }>();
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    let isActive = true;
    kredo.mailGetSettings({}).then(
      (loaded) => {
        if (!isActive) return;
        setView(loaded);
        if (loaded.settings) setForm(loaded.settings);
      },
      (error: unknown) => isActive && setStatus({ text: errorMessage(error), isError: true }),
    );
    return () => {
      isActive = false;
    };
  }, [errorMessage]);

  const saved = view?.settings;
  // The stored password is for the saved host and port only: another server needs it typed again.
  const isPasswordStored = view?.hasPassword === true && saved !== null && saved !== undefined && saved.host.toLowerCase() === form.host.trim().toLowerCase() && saved.port === form.port;
  const settings = (): MailSettings => ({ ...form, host: form.host.trim(), user: form.user.trim(), fromName: form.fromName.trim(), fromAddress: form.fromAddress.trim(), replyTo: form.replyTo?.trim() || null });
  const typedPassword = password === '' ? {} : { password };
  const set = (patch: Partial<MailSettings>) => setForm((current) => ({ ...current, ...patch }));

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setStatus(undefined);
    try {
      setStatus({ text: await action(), isError: false });
    } catch (error) {
      setStatus({ text: errorMessage(error), isError: true });
    } finally {
      setBusy(false);
    }
  };
  const test = () =>
    run(async () => {
      await kredo.mailTest({ settings: settings(), ...typedPassword, subject: t('mail.testSubject'), text: t('mail.testText') });
      return t('mail.testSent', { address: form.fromAddress.trim() });
    });
  const save = () =>
    run(async () => {
      setView(await kredo.mailSetSettings({ settings: settings(), ...typedPassword }));
      setPassword('');
      return t('mail.saved');
    });

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="mail-settings">
      <h2 id={`${id}-title`} className="section-title">{t('mail.title')}</h2>
      <p className="note">{t('mail.intro')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="form-grid">
          <label>
            <span>{t('mail.host')}</span>
            <input type="text" required value={form.host} onChange={(event) => set({ host: event.target.value, ...(form.security === 'none' && !isLocalMailHost(event.target.value) && { security: 'starttls' as const }) })} />
          </label>
          <label>
            <span>{t('mail.port')}</span>
            <input type="number" required min={1} max={65535} value={form.port} onChange={(event) => set({ port: Number(event.target.value) })} />
          </label>
        </div>
        <fieldset className="radio-row">
          <legend>{t('mail.security')}</legend>
          {MAIL_SECURITY.map((security) => (
            <label key={security} className="radio-option">
              <input type="radio" name={`${id}-security`} checked={form.security === security} disabled={security === 'none' && !isLocalMailHost(form.host)} onChange={() => set({ security, port: DEFAULT_PORT[security] })} />
              {t(`mail.securities.${security}`)}
            </label>
          ))}
        </fieldset>
        <div className="form-grid">
          <label>
            <span>{t('mail.user')}</span>
            <input type="text" autoComplete="username" value={form.user} onChange={(event) => set({ user: event.target.value })} />
          </label>
          <label>
            <span>{t('mail.password')}</span>
            <input type="password" autoComplete="new-password" value={password} placeholder={isPasswordStored ? t('mail.passwordStored') : ''} onChange={(event) => setPassword(event.target.value)} />
          </label>
          <label>
            <span>{t('mail.fromName')}</span>
            <input type="text" required value={form.fromName} onChange={(event) => set({ fromName: event.target.value })} />
          </label>
          <label>
            <span>{t('mail.fromAddress')}</span>
            <input type="email" required value={form.fromAddress} onChange={(event) => set({ fromAddress: event.target.value })} />
          </label>
          <label>
            <span>{t('mail.replyTo')}</span>
            <input type="email" value={form.replyTo ?? ''} onChange={(event) => set({ replyTo: event.target.value })} />
          </label>
        </div>
        {view?.hasPassword === true && !isPasswordStored && form.user.trim() !== '' && <p className="note">{t('mail.passwordOtherServer')}</p>}
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={isBusy}
            onClick={(event) => {
              if (event.currentTarget.form?.reportValidity() !== false) void test();
            }}
          >
            {t('mail.test')}
          </button>
          <button type="submit" className="button button-primary" disabled={isBusy}>{t('mail.save')}</button>
        </div>
      </form>
      {status && <p role={status.isError ? 'alert' : 'status'} className={status.isError ? 'error-text' : 'note'}>{status.text}</p>}
    </section>
  );
}
