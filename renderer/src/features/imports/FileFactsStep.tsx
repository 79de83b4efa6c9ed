import { useTranslation } from 'react-i18next';
import type { FileAnalysis } from '../../../../shared/ipc/import-contract';
import { money } from '../../../../shared/money/money';
import { useFormat } from '../../i18n/use-format';

/** What a bank statement or e-invoice holds, before it is read in full. */
export function FileFactsStep({ analysis, onRead, onDiscard }: { readonly analysis: FileAnalysis; readonly onRead: () => void; readonly onDiscard: () => void }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  return (
    <>
      {analysis.type === 'bank' ? (
        <dl className="facts">
          <dt>{t('facts.format')}</dt>
          <dd>{analysis.format.toUpperCase()}</dd>
          <dt>{t('facts.statements')}</dt>
          <dd>{format.number(analysis.statements)}</dd>
          <dt>{t('facts.credits')}</dt>
          <dd>{format.number(analysis.credits)}</dd>
          <dt>{t('facts.debits')}</dt>
          <dd>{format.number(analysis.debits)}</dd>
          {analysis.pending > 0 ? (
            <>
              <dt>{t('facts.pending')}</dt>
              <dd>{format.number(analysis.pending)}</dd>
            </>
          ) : null}
          <dt>{t('facts.currencies')}</dt>
          <dd>{analysis.currencies.join(', ')}</dd>
        </dl>
      ) : null}
      {analysis.type === 'e-invoice' ? (
        <dl className="facts">
          <dt>{t('facts.document')}</dt>
          <dd>{t(`facts.documentKinds.${analysis.documentKind}`)}</dd>
          <dt>{t('facts.number')}</dt>
          <dd>{analysis.number}</dd>
          <dt>{t('facts.buyer')}</dt>
          <dd>{analysis.buyerName}</dd>
          <dt>{t('facts.amount')}</dt>
          <dd>{format.money(money(analysis.openMinor, analysis.currency))}</dd>
        </dl>
      ) : null}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onRead}>
          {t('wizard.read')}
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          {t('wizard.remove')}
        </button>
      </div>
    </>
  );
}
