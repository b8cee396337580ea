// One way every benchmark reports: a printed line per figure and a record in test-results/bench.json,
// the agreed JSON array of { name, value, unit, baseline, ratio, target, pass }. Records of the
// same name are replaced, so a file run alone (`npm run bench -- energy`) keeps the others' figures.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface BenchRecord {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The raw baseline measured in the same run, in the same unit; null where there is none. */
  readonly baseline: number | null;
  /** value / baseline, or null. */
  readonly ratio: number | null;
  /** e.g. "<= 10 s", ">= 0.5"; "none" for a figure that is reported for reading only. */
  readonly target: string;
  readonly pass: boolean;
}

export const BENCH_FILE = resolve(import.meta.dirname, '../../test-results/bench.json');

export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

/** A record whose ratio is value / baseline (rounded), pass decided by the caller's target check. */
export function measured(name: string, value: number, unit: string, opts: { baseline?: number | null; target?: string; pass?: boolean; digits?: number } = {}): BenchRecord {
  const baseline = opts.baseline ?? null;
  const digits = opts.digits ?? 3;
  return {
    name,
    value: round(value, digits),
    unit,
    baseline: baseline === null ? null : round(baseline, digits),
    ratio: baseline === null || baseline === 0 ? null : round(value / baseline, 3),
    target: opts.target ?? 'none',
    pass: opts.pass ?? true,
  };
}

/** Prints each record and merges them into test-results/bench.json. */
export function saveBenchRecords(records: readonly BenchRecord[], note = ''): void {
  for (const r of records) {
    const base = r.baseline !== null ? ` (baseline ${r.baseline} ${r.unit}, ratio ${r.ratio})` : '';
    const target = r.target === 'none' ? '' : `; target ${r.target} → ${r.pass ? 'pass' : 'FAIL'}`;
    console.log(`${r.name}: ${r.value} ${r.unit}${base}${target}${note ? ` — ${note}` : ''}`);
  }
  mkdirSync(join(BENCH_FILE, '..'), { recursive: true });
  const previous: BenchRecord[] = existsSync(BENCH_FILE) ? (JSON.parse(readFileSync(BENCH_FILE, 'utf8')) as BenchRecord[]) : [];
  // A record is identified by its name without the parenthesised workload ("settlement.post (7666
  // journal entries)" → "settlement.post"): a run replaces the earlier record even when its
  // workload changed, so no stale figure stays beside the new one.
  const keys = new Set(records.map((r) => benchKey(r.name)));
  writeFileSync(BENCH_FILE, JSON.stringify([...previous.filter((r) => !keys.has(benchKey(r.name))), ...records], null, 2) + '\n');
}

function benchKey(name: string): string {
  return name.split(' (')[0] ?? name;
}
