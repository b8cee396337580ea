// A member's account in words and pictures: where the balance stands, what each line of an entry
// touched, and the balance-over-time chart. Pure, so it is tested without a browser.
import type { ComposeOption } from 'echarts/core';
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { JournalEntryView, JournalLineView, MemberJournalView } from '@contract';

export type BalanceState = 'inCredit' | 'owes' | 'settled';

/** A member's balance is credits − debits: positive = in credit, negative = owes. */
export function balanceState(balance: number): BalanceState {
  return balance > 0 ? 'inCredit' : balance < 0 ? 'owes' : 'settled';
}

/** Only an entry that is not itself a reversal and was not reversed yet can be reversed. */
export function canReverse(entry: JournalEntryView): boolean {
  return entry.reversesEntryId === null && entry.reversedByEntryId === null;
}

/** Translation key and params of the account a line touched ("Amina Otieno", "Cash" …). */
export function lineAccountLabel(line: JournalLineView, t: (key: string, params?: Record<string, unknown>) => string): string {
  if (line.account.kind === 'member') return line.memberName ?? t('journal.accounts.memberNumbered', { id: line.account.memberId });
  return t(`journal.accounts.${line.account.kind}`);
}

export type BalanceChartOption = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface BalanceChartLabels {
  balance: string;
  /** Formats minor units for axis and tooltip. */
  money(minor: number): string;
  /** A YYYY-MM-DD date in the operator's format. */
  date(day: string): string;
  /** The balance said in words in the tooltip ("You owe …"), for a member's eyes; else label: money. */
  balanceInWords?(minor: number): string;
}

/**
 * The balance after each day with a movement, as a step line on a time axis: it holds until the next
 * movement. Positive (in credit) above zero, negative (owes) below.
 */
export function balanceChartOption(series: MemberJournalView['series'], labels: BalanceChartLabels): BalanceChartOption {
  const points = series.map((p): [number, number] => [Date.parse(`${p.date}T00:00:00Z`), p.balance]);
  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const first = (Array.isArray(params) ? params : [params])[0] as unknown as { value: [number, number] } | undefined;
        if (!first) return '';
        const said = labels.balanceInWords ? labels.balanceInWords(first.value[1]) : `${labels.balance}: ${labels.money(first.value[1])}`;
        return `${labels.date(new Date(first.value[0]).toISOString().slice(0, 10))}<br/>${said}`;
      },
    },
    grid: { left: 8, right: 40, top: 12, bottom: 8, containLabel: true }, // room for the last date, centred on its tick
    // Ticks at most one a day: the labels are dates, so finer ticks would repeat the same day.
    xAxis: { type: 'time', minInterval: 86_400_000, axisLabel: { hideOverlap: true, formatter: (ms: number) => labels.date(new Date(ms).toISOString().slice(0, 10)) } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => labels.money(v) } },
    series: [
      {
        type: 'line',
        name: labels.balance,
        step: 'end',
        data: points,
        symbolSize: 6,
        lineStyle: { width: 2 },
        itemStyle: { color: '#2f8f5b' },
        areaStyle: { opacity: 0.1 },
      },
    ],
  };
}

/** The settlement period and transfer a posted settlement entry came from (source `settlement-transfer` `<periodId>:<transferNo>`), else null. */
export function settlementTransferOf(source: { readonly type: string; readonly id: string }): { periodId: number; transferNo: number } | null {
  const match = source.type === 'settlement-transfer' ? /^(\d+):(\d+)$/.exec(source.id) : null;
  return match ? { periodId: Number(match[1]), transferNo: Number(match[2]) } : null;
}
