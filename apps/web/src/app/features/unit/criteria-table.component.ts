import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { injectTranslations } from '../../core/i18n/language';
import { UNIT_TEXT } from './unit.i18n';
import type { CriteriaGroupView } from './unit-view';

/** The 21 criteria under their 6 groups; each row opens the criterion's explanation. */
@Component({
  selector: 'app-criteria-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  templateUrl: './criteria-table.component.html',
  styleUrl: './criteria-table.component.css',
})
export class CriteriaTableComponent {
  readonly groups = input.required<readonly CriteriaGroupView[]>();
  readonly unitCode = input.required<string>();
  readonly periodKey = input.required<string>();

  protected readonly text = injectTranslations(UNIT_TEXT);
}
