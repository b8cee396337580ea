// Pure formatting for the Ledger: chain amounts (minor-unit strings with N decimals, exact — no
// floats), short hashes/addresses, tag colours per state, and the outbox chart. Unit-tested.
import type { EChartsCoreOption } from 'echarts/core';
import type { OutboxStatus, TxStatusKind } from '@contract';
import type { ConnectionLight } from '../../stores/chain.js';

type TagType = 'default' | 'info' | 'success' | 'warning' | 'error';

/** "123456789", 4 decimals → "12,345.6789"; trailing zeros trimmed down to `minFraction`, at most `maxFraction` shown (rounded down). */
export function formatUnits(minor: string, decimals: number, options: { maxFraction?: number; minFraction?: number; group?: string; point?: string } = {}): string {
  const { maxFraction = 4, minFraction = 0, group = ',', point = '.' } = options;
  if (!/^[0-9]+$/.test(minor)) return minor;
  const padded = minor.padStart(decimals + 1, '0');
  const whole = padded.slice(0, padded.length - decimals) || '0';
  let fraction = decimals > 0 ? padded.slice(padded.length - decimals).slice(0, maxFraction) : '';
  while (fraction.length > minFraction && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return fraction ? `${grouped}${point}${fraction}` : grouped;
}

/** "0x1234567890abcdef…" → "0x1234…cdef"; addresses likewise (5Grw…utQY). */
export function shortHash(value: string | null, keep = 4): string {
  if (!value) return '—';
  const head = value.startsWith('0x') ? keep + 2 : keep;
  return value.length <= head + keep + 1 ? value : `${value.slice(0, head)}…${value.slice(-keep)}`;
}

/** Long SS58 addresses inside a sentence → their short form, so a line stays readable. */
export function shortenAddresses(text: string): string {
  return text.replace(/\b[1-9A-HJ-NP-Za-km-z]{46,48}\b/g, (a) => shortHash(a));
}

export const CONNECTION_TAG: Record<ConnectionLight, TagType> = { off: 'default', idle: 'default', connecting: 'info', ready: 'success', disconnected: 'warning', error: 'error' };
export const OUTBOX_TAG: Record<OutboxStatus, TagType> = { pending: 'default', signed: 'info', broadcast: 'info', in_block: 'info', finalized: 'success', failed: 'error' };
export const TX_TAG: Record<TxStatusKind, TagType> = { queued: 'default', broadcast: 'info', inBlock: 'info', finalized: 'success', failed: 'error', dropped: 'warning' };

export const OUTBOX_ORDER: readonly OutboxStatus[] = ['pending', 'signed', 'broadcast', 'in_block', 'finalized', 'failed'];
const OUTBOX_COLOURS: Record<OutboxStatus, string> = { pending: '#909399', signed: '#2080f0', broadcast: '#2080f0', in_block: '#70c0e8', finalized: '#18a058', failed: '#d03050' };

/** Horizontal bars: how many outbox records are in each status. */
export function outboxChartOption(counts: Readonly<Record<OutboxStatus, number>>, label: (s: OutboxStatus) => string): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    grid: { left: 80, right: 36, top: 6, bottom: 6 },
    xAxis: { type: 'value', minInterval: 1, show: false },
    yAxis: { type: 'category', inverse: true, data: OUTBOX_ORDER.map(label), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 14,
        label: { show: true, position: 'right' },
        data: OUTBOX_ORDER.map((s) => ({ value: counts[s], itemStyle: { color: OUTBOX_COLOURS[s] } })),
      },
    ],
  };
}
