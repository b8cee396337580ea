// ECharts writes numbers the English way ("2,500") whatever the language; in French that reads as
// two and a half. This fills in the operator's number format wherever a chart did not choose its
// own formatter: value-axis labels, tooltip values and the labels of plain numeric series.
// Pure (returns a new option) so charts stay plain data and this stays testable.

import { numberFormatter, type NumberFormatter as Formatter } from '../../i18n/numbers.js';

type Dict = Record<string, unknown>;

const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);

function localizeAxis(axis: unknown, format: Formatter, defaultType: string): unknown {
  if (!isDict(axis)) return axis;
  const type = typeof axis.type === 'string' ? axis.type : defaultType;
  if (type !== 'value' && type !== 'log') return axis;
  const label = isDict(axis.axisLabel) ? axis.axisLabel : {};
  if ('formatter' in label) return axis;
  return { ...axis, axisLabel: { ...label, formatter: (value: number) => format(value) } };
}

function localizeAxes(axes: unknown, format: Formatter, defaultType: string): unknown {
  return Array.isArray(axes) ? axes.map((axis) => localizeAxis(axis, format, defaultType)) : localizeAxis(axes, format, defaultType);
}

function localizeSeries(series: unknown, format: Formatter): unknown {
  if (!isDict(series) || !isDict(series.label) || series.label.formatter !== undefined) return series;
  // Only series whose data are plain numbers: with datasets/encodings ECharts picks the dimension itself.
  const data = series.data;
  if (!Array.isArray(data) || !data.every((item) => typeof item === 'number' || item === null)) return series;
  return { ...series, label: { ...series.label, formatter: (params: { value?: unknown }) => format(params.value) } };
}

export function localizeNumbers<T extends object>(option: T, locale: string): T {
  const format = numberFormatter(locale);
  const source = option as Dict;
  const result: Dict = { ...source };
  // ECharts' defaults: a cartesian x axis is a category axis, a y axis a value axis.
  if ('xAxis' in source) result.xAxis = localizeAxes(source.xAxis, format, 'category');
  if ('yAxis' in source) result.yAxis = localizeAxes(source.yAxis, format, 'value');
  if (isDict(source.tooltip) && source.tooltip.valueFormatter === undefined && source.tooltip.formatter === undefined) {
    result.tooltip = { ...source.tooltip, valueFormatter: (value: unknown) => format(value) };
  }
  if (Array.isArray(source.series)) result.series = source.series.map((series) => localizeSeries(series, format));
  else if (source.series !== undefined) result.series = localizeSeries(source.series, format);
  return result as T;
}
