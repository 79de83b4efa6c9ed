import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { policyTermsFrom, type PolicyTerms } from '../../../../shared/sync/policy-terms';
import { useErrorMessage } from '../../i18n/use-error-message';
import { kredo } from '../../platform/kredo-api';
import { useInsurerConnection } from '../sync/use-insurer-connection';
import { InsurerConnectionForm } from './InsurerConnectionForm';
import { PolicyTermsList } from './PolicyTermsList';

/**
 * Which insurer Kredo syncs with: the built-in sandbox, or an insurer's API (URL, policy, API key). The key
 * goes to the main process's secret store and is never shown again. Below, the policy terms as that
 * insurer holds them.
 */
export function InsurerSection() {
  const { t } = useTranslation('settings');
  const errorMessage = useErrorMessage();
  const id = useId();
  const { connection, reload } = useInsurerConnection();
  const [terms, setTerms] = useState<{ readonly connectionId: string; readonly value: PolicyTerms | string }>();

  useEffect(() => {
    if (!connection) return undefined;
    let isActive = true;
    const { connectionId } = connection;
    kredo.insurerPolicyTerms({}).then(
      (view) => isActive && setTerms({ connectionId, value: policyTermsFrom(view) }),
      (error: unknown) => isActive && setTerms({ connectionId, value: errorMessage(error) }),
    );
    return () => {
      isActive = false;
    };
  }, [connection, errorMessage]);
  const shown = terms && terms.connectionId === connection?.connectionId ? terms.value : undefined;

  return (
    <section className="settings-group" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('insurer.title')}</h2>
      <p className="note">{t('insurer.body')}</p>
      {connection && <InsurerConnectionForm connection={connection} onSaved={reload} />}
      <h3 className="subsection-title">{t('insurer.termsTitle')}</h3>
      {shown === undefined ? <p className="note">{t('insurer.termsLoading')}</p> : typeof shown === 'string' ? <p className="error-text">{shown}</p> : <PolicyTermsList terms={shown} />}
    </section>
  );
}
