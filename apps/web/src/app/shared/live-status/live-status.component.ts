import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { injectTranslations } from '../../core/i18n/language';
import { ScoreStreamService } from '../../core/live/score-stream.service';
import { LIVE_STATUS_TEXT } from './live-status.i18n';

@Component({
  selector: 'app-live-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'data-testid': 'live-status',
    role: 'status',
    '[attr.data-status]': 'status()',
    '[attr.title]': 'hint()',
    '[class]': '"live-status live-status--" + status()',
  },
  template: `<span class="live-status__dot" aria-hidden="true"></span>{{ label() }}`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      padding: 0.15rem 0.6rem;
      border-radius: 999px;
      font-size: 0.8125rem;
      font-weight: 600;
      border: 1px solid currentColor;
    }
    .live-status__dot {
      width: 0.5rem;
      height: 0.5rem;
      border-radius: 50%;
      background: currentColor;
    }
    :host(.live-status--live) { color: var(--color-ok); }
    :host(.live-status--live) .live-status__dot { animation: pulse 2s ease-in-out infinite; }
    :host(.live-status--connecting) { color: var(--color-muted); }
    :host(.live-status--offline) { color: var(--color-danger); }
    @keyframes pulse { 50% { opacity: 0.3; } }
    @media (prefers-reduced-motion: reduce) {
      :host(.live-status--live) .live-status__dot { animation: none; }
    }
  `,
})
export class LiveStatusComponent {
  private readonly text = injectTranslations(LIVE_STATUS_TEXT);

  protected readonly status = inject(ScoreStreamService).status;
  protected readonly label = computed(() => this.text().label[this.status()]);
  protected readonly hint = computed(() => this.text().hint[this.status()]);
}
