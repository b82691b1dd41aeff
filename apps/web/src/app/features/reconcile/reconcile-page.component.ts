import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ReconciliationRowDto, ReconciliationUnitDto } from '@idx/contracts';
import { dataOf } from '../../core/api/loadable';
import { RECONCILE_TEXT } from './reconcile.i18n';
import { differenceText, figureText } from './reconcile-view';
import { ReconcileStore } from './reconcile.store';

/**
 * `/doi-chieu/:code?nhap=ID`: the national portal's evaluation figures for an area beside ours —
 * upload a file, pick an import, read the per-unit, per-criterion table, drill down to the dossiers
 * the portal never got.
 */
@Component({
  selector: 'app-reconcile-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  templateUrl: './reconcile-page.component.html',
  styleUrls: ['../../shared/styles/page.css', './reconcile-page.component.css'],
})
export class ReconcilePageComponent {
  protected readonly store = inject(ReconcileStore);
  private readonly router = inject(Router);
  protected readonly text = RECONCILE_TEXT;
  protected readonly figureText = figureText;
  protected readonly differenceText = differenceText;

  /** The area (route parameter) and the selected import (query parameter), bound by the router. */
  readonly code = input.required<string>();
  readonly nhap = input<string>();

  protected readonly file = signal<File | null>(null);
  protected readonly period = signal('');
  protected readonly importList = computed(() => dataOf(this.store.imports())?.imports ?? []);
  protected readonly comparison = computed(() => dataOf(this.store.comparison()));
  protected readonly drill = computed(() => dataOf(this.store.drillDown()));

  constructor() {
    effect(() => this.store.loadImports(this.code()));
    effect(() => {
      const id = this.nhap();
      if (id) this.store.open(this.code(), id);
    });
  }

  protected pickFile(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  protected pickPeriod(event: Event): void {
    this.period.set((event.target as HTMLInputElement).value.trim());
  }

  protected upload(): void {
    const file = this.file();
    if (!file) return;
    this.store.upload(this.code(), file, this.period() || null, (importId) => this.select(importId));
  }

  protected select(importId: string): void {
    void this.router.navigate([], { queryParams: { nhap: importId }, queryParamsHandling: 'merge' });
    if (importId === this.nhap()) this.store.open(this.code(), importId);
  }

  protected pickImport(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    if (id) this.select(id);
  }

  protected drillInto(unit: ReconciliationUnitDto, row: ReconciliationRowDto): void {
    const id = this.nhap();
    if (id && unit.unitCode && row.criterion !== null) this.store.drill(this.code(), id, unit.unitCode, row.criterion);
  }

  protected rowKey(row: ReconciliationRowDto): string {
    return row.kind === 'criterion' ? `c${row.criterion}` : row.kind === 'group' ? `g-${row.group}` : 'total';
  }

  protected unitLabel(u: ReconciliationUnitDto): string {
    const name = u.unitName ?? u.departmentName ?? u.departmentCode;
    return u.unitCode ? `${name} (${u.unitCode})` : `${name} (${u.departmentCode})`;
  }

  protected localTime(iso: string): string {
    return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
  }

  protected streamLink(streamId: string): string {
    return `/api/v1/streams/${encodeURIComponent(streamId)}/events`;
  }
}
