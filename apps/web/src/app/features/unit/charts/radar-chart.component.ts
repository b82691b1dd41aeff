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
import type { ChartPoint } from '../unit-view';
import { cssColor, registerUnitCharts } from './chart-registry';

/** Chart.js draws an array label on several lines: long group names wrap at their commas. */
function wrapLabel(label: string): string | string[] {
  return label.length > 18 && label.includes(', ') ? label.split(', ').map((part, i, all) => (i < all.length - 1 ? `${part},` : part)) : label;
}

/** The 6 groups as group points ÷ group max (0–100 %); a group that does not apply has no point. */
@Component({
  selector: 'app-radar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="chart-box">
      <canvas
        #canvas
        data-testid="radar-chart"
        role="img"
        [attr.aria-label]="summary()"
        [attr.data-points]="points().length"
        [attr.data-state]="drawn() ? 'ready' : 'pending'"
      ></canvas>
    </div>
  `,
  styles: `
    .chart-box { position: relative; height: 300px; }
  `,
})
export class RadarChartComponent {
  readonly points = input.required<readonly ChartPoint[]>();
  readonly seriesLabel = input.required<string>();
  readonly summary = input.required<string>();
  readonly locale = input.required<string>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  protected readonly drawn = signal(false);
  /** What the tooltip says for each point; read by the chart's callback at hover time. */
  private texts: readonly string[] = [];
  private chart: Chart<'radar', (number | null)[], string | string[]> | null = null;

  private readonly data = computed(() => ({
    labels: this.points().map((p) => wrapLabel(p.label)),
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
          type: 'radar',
          data: {
            labels,
            datasets: [
              {
                label,
                data: values,
                borderColor: brand,
                backgroundColor: 'rgba(143, 29, 29, 0.18)',
                pointBackgroundColor: brand,
                pointRadius: 3,
                fill: true,
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
              r: {
                min: 0,
                max: 100,
                ticks: { stepSize: 20, callback: (value) => `${value}%`, backdropColor: 'transparent' },
                pointLabels: { font: { size: 11 } },
              },
            },
            plugins: {
              tooltip: { callbacks: { label: (item) => this.texts[item.dataIndex] ?? '' } },
            },
          },
        });
        this.drawn.set(true);
      },
    });
  }
}
