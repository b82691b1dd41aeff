import { computed, inject, type Signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { injectTranslations } from '../i18n/language';
import { PERIOD_TEXT } from '../i18n/periods.i18n';
import { periodPartsOrCurrentMonth } from '../time/period-key';

// Pure (no Angular): the landing load reads it before the app boots (app/boot/landing-requests.ts).
export { periodOrCurrentMonth } from '../time/period-key';

/** How a page names its period in the current language ("tháng 03/2025", …); for a field initialiser. */
export function injectPeriodLabel(period: Signal<string>): Signal<string> {
  const periodText = injectTranslations(PERIOD_TEXT);
  return computed(() => periodText().label(periodPartsOrCurrentMonth(period())));
}

/**
 * Sets query parameters of the page's own route and keeps the others (null removes one), so that
 * what the page shows stays a shareable link; for a field initialiser.
 */
export function injectQueryParamsUpdate(): (queryParams: Readonly<Record<string, string | null>>) => void {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  return (queryParams) => void router.navigate([], { relativeTo: route, queryParams, queryParamsHandling: 'merge' });
}
