import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { injectTranslations } from '../../core/i18n/language';
import { isoToLocalInput, localInputToIso } from '../../core/time/vietnam-time';
import { UNIT_TEXT } from './unit.i18n';

/** An auditor picks a record-time moment; the page then shows the score recomputed as of it. */
@Component({
  selector: 'app-as-of-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="as-of" data-testid="as-of-panel" (submit)="$event.preventDefault(); apply(moment.value)">
      <p class="hint">{{ text().asOf.help }}</p>
      <div class="row">
        <label class="field">
          <span class="field__label">{{ text().asOf.input }}</span>
          <input #moment type="datetime-local" step="1" data-testid="as-of-input" [value]="inputValue()" />
        </label>
        <button type="submit" class="button button--primary" data-testid="as-of-apply">{{ text().asOf.apply }}</button>
        @if (asOf()) {
          <button type="button" class="button" data-testid="as-of-clear" (click)="picked.emit(null)">{{ text().asOf.clear }}</button>
        }
      </div>
      @if (invalid()) {
        <p class="error" role="alert">{{ text().asOf.invalid }}</p>
      }
    </form>
  `,
  styleUrls: ['../../shared/styles/fields.css', '../../shared/styles/tool-panel.css'],
})
export class AsOfPanelComponent {
  /** The moment applied (ISO with offset), null for live figures. */
  readonly asOf = input.required<string | null>();
  readonly picked = output<string | null>();

  protected readonly text = injectTranslations(UNIT_TEXT);
  protected readonly invalid = signal(false);
  protected readonly inputValue = computed(() => isoToLocalInput(this.asOf()));

  protected apply(value: string): void {
    const iso = localInputToIso(value);
    this.invalid.set(iso === null);
    if (iso) this.picked.emit(iso);
  }
}
