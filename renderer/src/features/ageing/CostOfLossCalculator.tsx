import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { costOfLoss, DEFAULT_NET_MARGIN_BP } from '../../../../shared/domain/dashboard/cost-of-loss';
import { formatAmountInput, formatPercentInput, parseAmountInput, parsePercentInput } from '../../../../shared/format/decimal-input';
import { BASIS_POINTS_PER_WHOLE } from '../../../../shared/money/basis-points';
import type { CurrencyCode } from '../../../../shared/money/money';
import type { ChartFormat } from './use-chart-format';

/** What the controller typed, and in which language: a Dutch "10.000" means something else in English. */
interface Typed {
  readonly text: string;
  readonly locale: string;
}

/**
 * The cost of a bad debt: how much extra turnover earns an unpaid amount back at the company's net margin.
 * Starts from what sits in the oldest ageing bucket and a 5 % margin; both can be changed, typed the way
 * the UI language writes numbers (decimal comma in Dutch and Swedish). Computed in whole minor units and
 * basis points (shared/domain/dashboard/cost-of-loss.ts).
 */
export function CostOfLossCalculator({ oldestBucketMinor, oldestBucketLabel, currency, format }: {
  readonly oldestBucketMinor: number;
  readonly oldestBucketLabel: string;
  readonly currency: CurrencyCode;
  readonly format: ChartFormat;
}) {
  const { t } = useTranslation('ageing');
  const id = useId();
  const { locale } = format;
  const [typedLoss, setTypedLoss] = useState<Typed>();
  const [typedMargin, setTypedMargin] = useState<Typed>();
  const lossText = typedLoss?.locale === locale ? typedLoss.text : formatAmountInput(Math.max(0, oldestBucketMinor), currency, locale);
  const marginText = typedMargin?.locale === locale ? typedMargin.text : formatPercentInput(DEFAULT_NET_MARGIN_BP, locale);

  const loss = parseAmountInput(lossText, locale, currency);
  const margin = parsePercentInput(marginText, locale);
  const isMarginValid = margin !== undefined && margin > 0 && margin <= BASIS_POINTS_PER_WHOLE;
  const result = loss !== undefined && isMarginValid ? costOfLoss(loss, margin) : undefined;

  return (
    <section className="ageing-figure ageing-loss" aria-labelledby={`${id}-title`} data-testid="cost-of-loss">
      <h2 id={`${id}-title`} className="ageing-figure-title">
        {t('costOfLoss.title')}
      </h2>
      <p className="ageing-figure-caption">{t('costOfLoss.intro')}</p>
      <form className="ageing-loss-form" onSubmit={(event) => event.preventDefault()}>
        <div className="ageing-loss-field">
          <label htmlFor={`${id}-loss`}>{t('costOfLoss.amount', { currency })}</label>
          <input
            id={`${id}-loss`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={lossText}
            aria-invalid={loss === undefined}
            aria-describedby={`${id}-loss-note`}
            onChange={(event) => setTypedLoss({ text: event.target.value, locale })}
          />
          <span id={`${id}-loss-note`} className={loss === undefined ? 'error-text ageing-field-note' : 'note ageing-field-note'}>
            {loss === undefined ? t('costOfLoss.invalidAmount', { example: formatAmountInput(1_000_000, currency, locale) }) : t('costOfLoss.amountHint', { bucket: oldestBucketLabel })}
          </span>
        </div>
        <div className="ageing-loss-field">
          <label htmlFor={`${id}-margin`}>{t('costOfLoss.margin')}</label>
          <input
            id={`${id}-margin`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={marginText}
            aria-invalid={!isMarginValid}
            aria-describedby={isMarginValid ? undefined : `${id}-margin-note`}
            onChange={(event) => setTypedMargin({ text: event.target.value, locale })}
          />
          {isMarginValid ? null : (
            <span id={`${id}-margin-note`} className="error-text ageing-field-note">
              {t('costOfLoss.invalidMargin', { example: formatPercentInput(750, locale) })}
            </span>
          )}
        </div>
        <output className="ageing-loss-result" htmlFor={`${id}-loss ${id}-margin`} aria-live="polite" data-testid="cost-of-loss-result">
          {result ? t('costOfLoss.result', { loss: format.amount(result.lossMinor), margin: format.margin(result.marginBp), revenue: format.amount(result.revenueNeededMinor) }) : null}
        </output>
      </form>
    </section>
  );
}
