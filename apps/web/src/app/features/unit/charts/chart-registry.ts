import {
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js';

let registered = false;

/**
 * Only what the trend line and the radar draw: chart.js tree-shakes the rest (bar, pie, legend,
 * title, decimation, …) out of the unit view's lazy chunk.
 */
export function registerUnitCharts(): typeof Chart {
  if (!registered) {
    Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, RadarController, RadialLinearScale, Filler, Tooltip);
    registered = true;
  }
  return Chart;
}

/** Read once from the stylesheet so the charts follow the console's palette. */
export function cssColor(name: string, fallback: string): string {
  if (typeof getComputedStyle === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}
