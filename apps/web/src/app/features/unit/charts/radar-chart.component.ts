import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { ChartConfiguration } from 'chart.js';
import type { ChartPoint } from '../unit-view';
import { CHART_BOX_OPTIONS, type ChartSeries, type ChartValues, seriesStyle, UnitChart } from './unit-chart';

type RadarLabel = string | string[];

/** Chart.js draws an array label on several lines: long group names wrap at their commas. */
function wrapLabel(label: string): RadarLabel {
  return label.length > 18 && label.includes(', ') ? label.split(', ').map((part, i, all) => (i < all.length - 1 ? `${part},` : part)) : label;
}

/** The 6 groups as group points ÷ group max (0–100 %); a group that does not apply has no point. */
@Component({
  selector: 'app-radar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './unit-chart.html',
  styles: `
    .chart-box { position: relative; height: 300px; }
  `,
})
export class RadarChartComponent extends UnitChart<'radar', RadarLabel> {
  protected readonly testId = 'radar-chart';

  protected labelOf(point: ChartPoint): RadarLabel {
    return wrapLabel(point.label);
  }

  protected configure({ labels, values, label, locale, brand }: ChartSeries<RadarLabel>): ChartConfiguration<'radar', ChartValues, RadarLabel> {
    return {
      type: 'radar',
      data: {
        labels,
        datasets: [{ label, data: values, ...seriesStyle(brand, 'rgba(143, 29, 29, 0.18)') }],
      },
      options: {
        ...CHART_BOX_OPTIONS,
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
    };
  }
}
