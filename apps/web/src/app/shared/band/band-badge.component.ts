import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { LanguageService } from '../../core/i18n/language';

/** Bands are configurable data; known ones get a colour, any other a neutral look. */
export type BandTone = 'excellent' | 'good' | 'fair' | 'average' | 'weak' | 'other';

const KNOWN_TONES: ReadonlySet<string> = new Set<BandTone>(['excellent', 'good', 'fair', 'average', 'weak']);

export function bandTone(labelEn: string): BandTone {
  const tone = labelEn.trim().toLowerCase();
  return KNOWN_TONES.has(tone) ? (tone as BandTone) : 'other';
}

/** Xuất sắc · Tốt · Khá · Trung bình · Yếu, in the band's colour. */
@Component({
  selector: 'app-band-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"band band--" + tone()', 'data-testid': 'band' },
  template: `{{ label() }}`,
  styles: `
    :host {
      display: inline-block;
      padding: 0.1rem 0.55rem;
      border-radius: 999px;
      font-size: 0.75rem;
      font-weight: 600;
      white-space: nowrap;
      background: #eceff3;
      color: var(--color-text);
    }
    :host(.band--excellent) { background: #d3f2dc; color: #14532d; }
    :host(.band--good) { background: #dbeafe; color: #1e3a8a; }
    :host(.band--fair) { background: #fef3c7; color: #78350f; }
    :host(.band--average) { background: #ffedd5; color: #7c2d12; }
    :host(.band--weak) { background: #fee2e2; color: #7f1d1d; }
  `,
})
export class BandBadgeComponent {
  private readonly language = inject(LanguageService);

  readonly band = input.required<{ readonly labelVi: string; readonly labelEn: string }>();

  protected readonly tone = computed(() => bandTone(this.band().labelEn));
  protected readonly label = computed(() => (this.language.current() === 'vi' ? this.band().labelVi : this.band().labelEn));
}
