import type { Figure } from './figures';
import { figure } from './figures';
import type { ScoringContext } from './scoring-context';

/**
 * DOMAIN.md §4: a unit without fee-bearing procedures (and without any dossier carrying a fee)
 * has its payment criteria N/A — reports print "TTHC không có phí, lệ phí". The counts stay, so
 * N/A survives pooling only when every pooled unit is N/A.
 */
export function withFeeApplicability(ctx: ScoringContext, id: number, f: Figure): Figure {
  const rule = ctx.rule(id);
  if (rule.notApplicableWhen !== 'no-fee-bearing-procedures' || ctx.hasFees) return f;
  return figure(f.numerator, f.denominator, { flags: f.flags, fallbackDenominator: f.fallbackDenominator, notApplicable: true });
}
