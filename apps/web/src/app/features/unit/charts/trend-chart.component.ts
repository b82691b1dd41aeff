import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  type ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { Chart } from 'chart.js';
import { formatTotal } from '../../../core/format/number-format';
import type { ChartPoint } from '../unit-view';
import { cssColor, registerUnitCharts } from './chart-registry';

/** A unit's monthly totals, oldest first, on a 0–100 axis; months without data leave a gap. */
@Component({
  selector: 'app-trend-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="chart-box">
      <canvas
        #canvas
        data-testid="trend-chart"
        role="img"
        [attr.aria-label]="summary()"
        [attr.data-points]="points().length"
        [attr.data-state]="drawn() ? 'ready' : 'pending'"
      ></canvas>
    </div>
  `,
  styles: `
    .chart-box { position: relative; height: 260px; }
  `,
})
export class TrendChartComponent {
  readonly points = input.required<readonly ChartPoint[]>();
  readonly seriesLabel = input.required<string>();
  readonly summary = input.required<string>();
  readonly locale = input.required<string>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  protected readonly drawn = signal(false);
  /** What the tooltip says for each point; read by the chart's callback at hover time. */
  private texts: readonly string[] = [];
  private chart: Chart<'line', (number | null)[], string> | null = null;

  private readonly data = computed(() => ({
    labels: this.points().map((p) => p.label),
    values: this.points().map((p) => p.value),
    texts: this.points().map((p) => p.valueText),
  }));

  constructor() {
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
    afterRenderEffect({
      write: () => {
        const { labels, values, texts } = this.data();
        this.texts = texts;
        const locale = this.locale();
        const label = this.seriesLabel();
        if (this.chart) {
          this.chart.data.labels = labels;
          this.chart.data.datasets[0].data = values;
          this.chart.data.datasets[0].label = label;
          this.chart.options.locale = locale;
          this.chart.update();
          return;
        }
        const brand = cssColor('--color-brand', '#8f1d1d');
        const ChartJs = registerUnitCharts();
        this.chart = new ChartJs(this.canvas().nativeElement, {
          type: 'line',
          data: {
            labels,
            datasets: [
              {
                label,
                data: values,
                borderColor: brand,
                backgroundColor: 'rgba(143, 29, 29, 0.08)',
                pointBackgroundColor: brand,
                pointRadius: 3,
                fill: true,
                // Monotone: the curve never overshoots between two months (no dip below either).
                cubicInterpolationMode: 'monotone',
                spanGaps: false,
              },
            ],
          },
          options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            locale,
            scales: {
              y: { min: 0, max: 100, ticks: { stepSize: 20 } },
              x: { grid: { display: false } },
            },
            plugins: {
              tooltip: {
                callbacks: {
                  label: (item) => `${item.dataset.label}: ${this.texts[item.dataIndex] ?? formatTotal(item.parsed.y ?? 0, locale)}`,
                },
              },
            },
          },
        });
        this.drawn.set(true);
      },
    });
  }
}
