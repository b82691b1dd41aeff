import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { injectTranslations } from '../../../core/i18n/language';
import { formatDateTime } from '../../../core/time/vietnam-time';
import { type ParkedList, ParkedEventsApiService } from './parked-events-api.service';
import { PARKED_EVENTS_TEXT } from './parked-events.i18n';

/** The audit page's list of parked scoring subjects, with retry and skip (role: auditor). */
@Component({
  selector: 'app-parked-events-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './parked-events-panel.component.html',
  styleUrls: [
    '../../../shared/styles/fields.css',
    '../../../shared/styles/tool-panel.css',
    '../../../shared/styles/data-table.css',
    '../audit-page.component.css',
    './parked-events-panel.component.css',
  ],
})
export class ParkedEventsPanelComponent implements OnInit {
  private readonly api = inject(ParkedEventsApiService);
  protected readonly text = injectTranslations(PARKED_EVENTS_TEXT);
  protected readonly list = signal<ParkedList | null>(null);
  protected readonly loading = signal(false);
  protected readonly message = signal<{ readonly ok: boolean; readonly text: string } | null>(null);
  protected readonly formatDateTime = formatDateTime;

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api.list().subscribe({
      next: (list) => {
        this.list.set(list);
        this.loading.set(false);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected retry(id: string): void {
    this.api.retry(id).subscribe({
      next: (outcome) => this.done(this.text().retried(outcome.events)),
      error: (error: unknown) => this.fail(error),
    });
  }

  protected skip(id: string, reason: string): void {
    if (reason.trim().length === 0) return;
    this.api.skip(id, reason.trim()).subscribe({
      next: () => this.done(this.text().skipped),
      error: (error: unknown) => this.fail(error),
    });
  }

  private done(text: string): void {
    this.message.set({ ok: true, text });
    this.load();
  }

  private fail(error: unknown): void {
    this.loading.set(false);
    const reason = error instanceof HttpErrorResponse && typeof error.error?.reason === 'string' ? (error.error.reason as string) : null;
    this.message.set({ ok: false, text: this.text().error(reason) });
  }
}
