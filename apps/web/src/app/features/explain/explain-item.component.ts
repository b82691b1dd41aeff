import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { injectTranslations } from '../../core/i18n/language';
import { EXPLAIN_TEXT } from './explain.i18n';
import type { ExplainItemView, HistoryView } from './explain-view';

/** One dossier (procedure, petition, unit) behind the figure; opens onto its event history. */
@Component({
  selector: 'app-explain-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'data-testid': 'explain-item',
    '[attr.data-code]': 'item().code',
    '[attr.data-costs-points]': 'item().costsPoints',
    '[class.is-costing]': 'item().costsPoints',
  },
  templateUrl: './explain-item.component.html',
  styleUrls: ['../../shared/styles/data-table.css', './explain-item.component.css'],
})
export class ExplainItemComponent {
  readonly item = input.required<ExplainItemView>();
  readonly expanded = input.required<boolean>();
  readonly historyStatus = input<'idle' | 'loading' | 'ready' | 'missing' | 'error'>('idle');
  readonly history = input<HistoryView | null>(null);
  readonly toggle = output<void>();

  protected readonly text = injectTranslations(EXPLAIN_TEXT);
  protected readonly historyId = computed(() => `history-${this.item().streamId.replace(/[^A-Za-z0-9_-]/g, '_')}`);
}
