import { afterRenderEffect, computed, DestroyRef, Directive, type ElementRef, inject, input, signal, viewChild } from '@angular/core';
import type { Chart, ChartConfiguration } from 'chart.js';
import type { ChartPoint } from '../unit-view';
import { cssColor, registerUnitCharts } from './chart-registry';

export type ChartValues = (number | null)[];

/** What a chart is first drawn from. */
export interface ChartSeries<TLabel> {
  readonly labels: TLabel[];
  readonly values: ChartValues;
  /** The series' name. */
  readonly label: string;
  readonly locale: string;
  /** The console's brand colour, read from the stylesheet. */
  readonly brand: string;
}

/** How a unit's series is drawn: in the brand colour, filled with `fill`, a gap where a point has no value. */
export function seriesStyle(brand: string, fill: string) {
  return { borderColor: brand, backgroundColor: fill, pointBackgroundColor: brand, pointRadius: 3, fill: true, spanGaps: false } as const;
}

/** Drawn at once (no animation), filling the height of its box. */
export const CHART_BOX_OPTIONS = { animation: false, responsive: true, maintainAspectRatio: false } as const;

/**
 * One series of a unit's points on a canvas (template `unit-chart.html`): drawn after the first
 * render, updated in place when the points, the series' name or the locale change, destroyed with
 * the view; the canvas says `data-state="ready"` once drawn. A subclass names the canvas
 * (`testId`), labels the points and configures the chart.
 */
@Directive()
export abstract class UnitChart<TType extends 'line' | 'radar', TLabel> {
  readonly points = input.required<readonly ChartPoint[]>();
  readonly seriesLabel = input.required<string>();
  readonly summary = input.required<string>();
  readonly locale = input.required<string>();

  /** The canvas's data-testid. */
  protected abstract readonly testId: string;
  protected readonly drawn = signal(false);
  /** What the tooltip says for each point; read by the chart's callback at hover time. */
  protected texts: readonly string[] = [];

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart<TType, ChartValues, TLabel> | null = null;

  private readonly data = computed(() => ({
    labels: this.points().map((p) => this.labelOf(p)),
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
          // Always there once drawn; its type cannot say so while the chart type is generic.
          const { options } = this.chart;
          if (options) options.locale = locale;
          this.chart.update();
          return;
        }
        const brand = cssColor('--color-brand', '#8f1d1d');
        const ChartJs = registerUnitCharts();
        this.chart = new ChartJs(this.canvas().nativeElement, this.configure({ labels, values, label, locale, brand }));
        this.drawn.set(true);
      },
    });
  }

  /** A point's label on the chart's axis. */
  protected abstract labelOf(point: ChartPoint): TLabel;

  /** The chart as first drawn; later changes update its labels, values, series name and locale. */
  protected abstract configure(series: ChartSeries<TLabel>): ChartConfiguration<TType, ChartValues, TLabel>;
}
