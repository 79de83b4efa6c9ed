import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CeiFigure } from '../../../shared/domain/kpi/collection-kpis';
import { useFormat } from './use-format';

export interface CeiText {
  /** The percentage, or "–" when the period gives none. */
  readonly value: string;
  /** Why there is no figure, one sentence; absent when there is one. */
  readonly reason?: string;
}

const REASON_KEY = { 'no-sales': 'kpi.ceiUnavailable.noSales', 'nothing-collectable': 'kpi.ceiUnavailable.nothingCollectable', inconsistent: 'kpi.ceiUnavailable.inconsistent' } as const;

/**
 * Collection effectiveness as the portfolio, the ageing dashboard and the ageing report show it: a
 * percentage within 0–100 %, or "–" with the reason (shared/domain/kpi/collection-kpis.ts), never a clamped
 * number. A portfolio summary stored by an older SUMMARY_VERSION held a bare number (which could be
 * negative): it shows "–" until the summaries are recomputed, which the app does on opening.
 */
export function useCeiText(): (cei: CeiFigure | number | undefined) => CeiText {
  const { t } = useTranslation('portfolio');
  const format = useFormat();
  return useCallback(
    (cei) => {
      if (typeof cei !== 'object') return { value: '–' };
      if ('percent' in cei) return { value: format.percent(cei.percent / 100) };
      return { value: '–', reason: t(REASON_KEY[cei.unavailable]) };
    },
    [format, t],
  );
}
