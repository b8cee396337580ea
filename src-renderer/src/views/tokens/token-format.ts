// Pure helpers of the token screens: token units (integers of the chain asset) said as tokens, the
// entry of a token amount, and the two charts (a member's balance over time; a policy's tokens per
// member on the last posted period, against what was awarded).
import type { EChartsCoreOption } from 'echarts/core';
import type { TokenMovementView, TokenPolicyPreview } from '@contract';

/** "2.501" for 2501 units of a 3-decimal token, in the operator's number format. */
export function formatTokens(units: number, decimals: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: decimals }).format(units / 10 ** decimals);
}

/** Tokens typed by a person (e.g. 1.5) → whole units, or null when it is not a whole number of units. */
export function unitsFromTokens(tokens: number | null, decimals: number): number | null {
  if (tokens === null || !Number.isFinite(tokens)) return null;
  const units = Math.round(tokens * 10 ** decimals);
  return Math.abs(units - tokens * 10 ** decimals) < 1e-6 && units > 0 ? units : null;
}

export interface ChartLabels {
  readonly balance: string;
  readonly tokens: (units: number) => string;
  readonly date: (iso: string) => string;
}

/** A member's token balance after each movement (a step line: a balance holds until the next one). */
export function balanceChartOption(history: readonly TokenMovementView[], labels: ChartLabels): EChartsCoreOption {
  return {
    grid: { left: 70, right: 20, top: 20, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => labels.tokens(Number(v)) },
    xAxis: { type: 'category', data: history.map((h) => labels.date(h.at)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => labels.tokens(v) } },
    series: [{ name: labels.balance, type: 'line', step: 'end', areaStyle: { opacity: 0.15 }, data: history.map((h) => h.balance), itemStyle: { color: '#18a058' } }],
  };
}

export interface PreviewLabels {
  readonly proposed: string;
  readonly awarded: string;
  readonly tokens: (units: number) => string;
}

/** Tokens per member under the edited policy, beside what the period actually awarded. */
export function previewChartOption(preview: TokenPolicyPreview, labels: PreviewLabels): EChartsCoreOption {
  const members = preview.members.slice(0, 40);
  const series: object[] = [{ name: labels.proposed, type: 'bar', data: members.map((m) => m.tokens), itemStyle: { color: '#18a058' } }];
  if (preview.awardedTotal !== null) series.push({ name: labels.awarded, type: 'bar', data: members.map((m) => m.awardedTokens ?? 0), itemStyle: { color: '#a0a0a0' } });
  return {
    grid: { left: 70, right: 20, top: 40, bottom: 60 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => labels.tokens(Number(v)) },
    xAxis: { type: 'category', data: members.map((m) => m.memberNo), axisLabel: { rotate: members.length > 12 ? 45 : 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => labels.tokens(v) } },
    series,
  };
}
