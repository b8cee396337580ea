// Packs one member's flows of one UTC day (96 quarter-hours × the fields below) into a small blob:
// column by column, each value a LEB128 varint, a run of zeros as a 0 marker + the run length.
// Most columns of most members are zero (no equipment, no P2P), so a member-day is tens of bytes
// to ~1 KB. Exact integers only (non-negative, < 2^53).
import { ENERGY_SOURCES } from '../../contract/energy.js';
import { SLOTS_PER_DAY } from './estimation.js';

const mixFields = (prefix: string) => ENERGY_SOURCES.map((s) => `${prefix}_${s}`);
/** Column order of a member-day. `computed` = 1 for an interval with flows (0 = not computed). */
export const MEMBER_DAY_FIELDS = [
  'computed', 'deficit', 'surplus', 'self',
  ...mixFields('self'), ...mixFields('p2p'), ...mixFields('pool'),
  'p2p_sold', 'pool_shared', 'main_import', 'main_export', 'estimated', 'unattested',
] as const;
export const FIELD_COUNT = MEMBER_DAY_FIELDS.length;
export const FIELD: Readonly<Record<string, number>> = Object.fromEntries(MEMBER_DAY_FIELDS.map((f, i) => [f, i]));
export const F = {
  computed: 0, deficit: 1, surplus: 2, self: 3, selfMix: 4, p2pMix: 4 + ENERGY_SOURCES.length, poolMix: 4 + 2 * ENERGY_SOURCES.length,
  p2pSold: 4 + 3 * ENERGY_SOURCES.length, poolShared: 5 + 3 * ENERGY_SOURCES.length, mainImport: 6 + 3 * ENERGY_SOURCES.length,
  mainExport: 7 + 3 * ENERGY_SOURCES.length, estimated: 8 + 3 * ENERGY_SOURCES.length, unattested: 9 + 3 * ENERGY_SOURCES.length,
} as const;
export const DAY_VALUES = FIELD_COUNT * SLOTS_PER_DAY;

/** values[field * 96 + slot] → blob. */
export function encodeMemberDay(values: Float64Array, scratch: Uint8Array = new Uint8Array(DAY_VALUES * 8)): Buffer {
  let at = 0;
  let zeros = 0;
  const flushZeros = () => {
    if (zeros === 0) return;
    scratch[at++] = 0;
    at = writeVarint(scratch, at, zeros);
    zeros = 0;
  };
  for (let i = 0; i < DAY_VALUES; i++) {
    const v = values[i] ?? 0;
    if (v === 0) {
      zeros++;
      continue;
    }
    if (!(v > 0) || !Number.isSafeInteger(v)) throw new RangeError(`Flow values are whole non-negative Wh (got ${v})`);
    flushZeros();
    at = writeVarint(scratch, at, v);
  }
  flushZeros();
  return Buffer.from(scratch.subarray(0, at));
}

export function decodeMemberDay(blob: Uint8Array, out: Float64Array = new Float64Array(DAY_VALUES)): Float64Array {
  let at = 0;
  let i = 0;
  while (at < blob.length) {
    const [value, next] = readVarint(blob, at);
    at = next;
    if (value === 0) {
      const [run, after] = readVarint(blob, at);
      at = after;
      out.fill(0, i, i + run);
      i += run;
    } else out[i++] = value;
  }
  if (i !== DAY_VALUES) throw new RangeError(`A stored member-day holds ${i} values, not ${DAY_VALUES}: the flows are damaged, recompute the period`);
  return out;
}

function writeVarint(buf: Uint8Array, at: number, value: number): number {
  let v = value;
  while (v >= 0x80) {
    buf[at++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  buf[at++] = v;
  return at;
}
function readVarint(buf: Uint8Array, start: number): [number, number] {
  let value = 0;
  let scale = 1;
  let at = start;
  for (;;) {
    const byte = buf[at++];
    if (byte === undefined) throw new RangeError('A stored member-day ends in the middle of a number: recompute the period');
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return [value, at];
    scale *= 0x80;
  }
}
