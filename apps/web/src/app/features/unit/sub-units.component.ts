import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { injectTranslations } from '../../core/i18n/language';
import { BandBadgeComponent } from '../../shared/band/band-badge.component';
import { UNIT_TEXT } from './unit.i18n';
import type { SubUnitLevelView } from './unit-view';

/** The units under this one, ranked among their peers, one table per level. */
@Component({
  selector: 'app-sub-units',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, BandBadgeComponent],
  template: `
    @for (level of levels(); track level.level) {
      <div class="level" data-testid="sub-units" [attr.data-level]="level.level">
        <h4 class="level__title">{{ text().subUnits.caption(level.levelLabel) }}</h4>
        <table class="sub-units">
          <thead>
            <tr>
              <th scope="col" class="col-rank">{{ text().subUnits.columns.rank }}</th>
              <th scope="col">{{ text().subUnits.columns.unit }}</th>
              <th scope="col" class="col-number">{{ text().subUnits.columns.total }}</th>
              <th scope="col">{{ text().subUnits.columns.band }}</th>
              <th scope="col" class="col-number">{{ text().subUnits.columns.change }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of level.rows; track row.code) {
              <tr data-testid="sub-unit-row" [attr.data-unit-code]="row.code">
                <td class="col-rank">{{ row.rankText }}</td>
                <th scope="row">
                  <a [routerLink]="['/don-vi', row.code]" [queryParams]="{ ky: periodKey() }">{{ row.name }}</a>
                  <span class="code">{{ row.code }}</span>
                </th>
                <td class="col-number col-total" data-testid="sub-unit-total">{{ row.totalText }}</td>
                <td><app-band-badge [band]="row.band" /></td>
                <td class="col-number" [class]="'col-number change--' + row.changeTone">{{ row.changeText }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .level + .level { margin-top: 1rem; }
    .level__title { margin: 0 0 0.4rem; font-size: 0.9rem; color: var(--color-muted); }
    .sub-units { width: 100%; border-collapse: collapse; font-size: 0.875rem; }
    th, td { padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--color-border); text-align: left; }
    thead th { background: #eef1f4; font-size: 0.75rem; color: var(--color-muted); }
    tbody th { font-weight: 400; }
    tbody th a { color: var(--color-link); font-weight: 600; text-decoration: none; }
    tbody th a:hover { text-decoration: underline; }
    .code { margin-left: 0.4rem; font-size: 0.75rem; color: var(--color-muted); }
    .col-rank { width: 4.5rem; text-align: center; font-variant-numeric: tabular-nums; font-weight: 700; }
    .col-number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .col-total { font-weight: 700; }
    .change--up { color: var(--color-ok); }
    .change--down { color: var(--color-danger); }
    .change--unknown { color: var(--color-muted); }
  `,
})
export class SubUnitsComponent {
  readonly levels = input.required<readonly SubUnitLevelView[]>();
  readonly periodKey = input.required<string>();

  protected readonly text = injectTranslations(UNIT_TEXT);
}
