import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { ChartConfiguration } from 'chart.js';
import { formatTotal } from '../../../core/format/number-format';
import type { ChartPoint } from '../unit-view';
import { CHART_BOX_OPTIONS, type ChartSeries, type ChartValues, seriesStyle, UnitChart } from './unit-chart';

/** A unit's monthly totals, oldest first, on a 0–100 axis; months without data leave a gap. */
@Component({
  selector: 'app-trend-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './unit-chart.html',
  styles: `
    .chart-box { position: relative; height: 260px; }
  `,
})
export class TrendChartComponent extends UnitChart<'line', string> {
  protected readonly testId = 'trend-chart';

  protected labelOf(point: ChartPoint): string {
    return point.label;
  }

  protected configure({ labels, values, label, locale, brand }: ChartSeries<string>): ChartConfiguration<'line', ChartValues, string> {
    return {
      type: 'line',
      data: {
        labels,
        datasets: [
          {
            label,
            data: values,
            ...seriesStyle(brand, 'rgba(143, 29, 29, 0.08)'),
            // Monotone: the curve never overshoots between two months (no dip below either).
            cubicInterpolationMode: 'monotone',
          },
        ],
      },
      options: {
        ...CHART_BOX_OPTIONS,
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
    };
  }
}
