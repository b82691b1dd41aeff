import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { injectTranslations } from '../../core/i18n/language';
import { monthsOfPeriod } from '../../core/time/period-key';
import { isoToLocalInput, localInputToIso } from '../../core/time/vietnam-time';
import { UNIT_TEXT } from './unit.i18n';
import type { DiffView } from './unit-view';

export interface CompareRequest {
  readonly from: string;
  readonly to: string;
}

/** Two record-time moments → which criteria moved and the late events that moved them. */
@Component({
  selector: 'app-compare-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './compare-panel.component.html',
  styleUrls: [
    '../../shared/styles/fields.css',
    '../../shared/styles/tool-panel.css',
    '../../shared/styles/data-table.css',
    './compare-panel.component.css',
  ],
})
export class ComparePanelComponent {
  readonly periodKey = input.required<string>();
  readonly status = input.required<'idle' | 'loading' | 'ready' | 'missing' | 'error'>();
  readonly diff = input.required<DiffView | null>();
  readonly compare = output<CompareRequest>();

  protected readonly text = injectTranslations(UNIT_TEXT);
  protected readonly invalid = signal(false);

  /** Defaults: from the period's first local midnight to now, "what arrived since the period began". */
  protected readonly defaultFrom = computed(() => {
    const first = monthsOfPeriod(this.periodKey())[0];
    return first ? `${first}-01T00:00` : '';
  });
  protected readonly defaultTo = isoToLocalInput(new Date()).slice(0, 16);

  protected run(fromValue: string, toValue: string): void {
    const from = localInputToIso(fromValue);
    const to = localInputToIso(toValue);
    const valid = from !== null && to !== null && new Date(from) < new Date(to);
    this.invalid.set(!valid);
    if (valid) this.compare.emit({ from, to });
  }
}
