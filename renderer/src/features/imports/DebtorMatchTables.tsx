import { useTranslation } from 'react-i18next';
import { IDENTIFIER_TYPES, type IdentifierType } from '../../../../shared/domain/identifiers/identifier-type';
import { money } from '../../../../shared/money/money';
import type { OpenItemsPreview } from '../../data/import/import-preview';
import { useFormat } from '../../i18n/use-format';
import { SampledTable } from './SampledTable';

const isIdentifierType = (family: string): family is IdentifierType => (IDENTIFIER_TYPES as readonly string[]).includes(family);

/** A company key (`NL_KVK:69123456`) as the controller reads it: "KvK number 69123456". */
function useKeyText(): (key: string) => string {
  const { t } = useTranslation(['imports', 'debtor']);
  return (key) => {
    const at = key.indexOf(':');
    if (at < 0) return key;
    const family = key.slice(0, at);
    const value = key.slice(at + 1);
    if (isIdentifierType(family)) return `${t(`debtor:identity.identifierTypes.${family}`)} ${value}`;
    return `${family === 'GLN' ? t('imports:debtorMatch.gln') : t('imports:debtorMatch.vat')} ${value}`;
  };
}

/**
 * The customers of a file found by an identifier rather than their code, and those left out because what
 * the file says about them contradicts Kredo (same code, another KvK number): named with the debtors in
 * question, for the controller to correct in the ERP or to merge the debtors.
 */
export function DebtorMatchTables({ openItems }: { readonly openItems: OpenItemsPreview }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const keyText = useKeyText();
  const { matchedByIdentifier, conflicts } = openItems;
  return (
    <>
      {conflicts.count > 0 ? (
        <section className="preview-section" aria-labelledby="debtor-conflicts-title">
          <h4 id="debtor-conflicts-title">{t('debtorMatch.conflictsTitle')}</h4>
          <p className="note">{t('debtorMatch.conflictsBody')}</p>
          <SampledTable
            label={t('debtorMatch.conflictsTitle')}
            rows={conflicts}
            columns={[{ label: t('debtorMatch.inFile') }, { label: t('debtorMatch.reason') }, { label: t('debtorMatch.inKredo') }, { label: t('debtorMatch.rows'), isNumeric: true }]}
          >
            {(row) => (
              <tr key={`${row.customerCode}-${row.reason}`}>
                <td>{`${row.customerCode} ${row.debtorName}`.trim()}</td>
                <td>{t(`debtorMatch.reasons.${row.reason}`, { identifier: keyText(row.key) })}</td>
                <td>{row.debtors.map((debtor) => `${debtor.debtorName} (${debtor.customerCode})`).join('; ')}</td>
                <td className="numeric">{format.number(row.items)}</td>
              </tr>
            )}
          </SampledTable>
        </section>
      ) : null}
      {matchedByIdentifier.count > 0 ? (
        <section className="preview-section" aria-labelledby="debtor-identified-title">
          <h4 id="debtor-identified-title">{t('debtorMatch.identifiedTitle')}</h4>
          <SampledTable
            label={t('debtorMatch.identifiedTitle')}
            rows={matchedByIdentifier}
            columns={[{ label: t('debtorMatch.inFile') }, { label: t('debtorMatch.identifier') }, { label: t('debtorMatch.inKredo') }]}
          >
            {(row) => (
              <tr key={row.customerCode}>
                <td>{`${row.customerCode} ${row.debtorName}`.trim()}</td>
                <td>{keyText(row.key)}</td>
                <td>{`${row.debtorNameInKredo} (${row.debtorCustomerCode})`}</td>
              </tr>
            )}
          </SampledTable>
        </section>
      ) : null}
      {/* The totals of what was left out, in every currency. */}
      {conflicts.count > 0 && Object.keys(conflicts.totals).length > 0 ? (
        <p className="note">{t('debtorMatch.leftOut', { amounts: Object.entries(conflicts.totals).map(([currency, minor]) => format.money(money(minor, currency))).join(' · ') })}</p>
      ) : null}
    </>
  );
}
