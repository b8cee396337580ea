// Writes benchmark results into test-results/bench.json (an array of {name,value,unit,baseline,
// ratio,target,pass}); a result replaces an older one of the same name, others are kept, so each
// bench file adds its own lines to the same run's file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The raw baseline measured in the same run (same unit), or null when there is none. */
  readonly baseline: number | null;
  /** value ÷ baseline, or null. */
  readonly ratio: number | null;
  /** What the issue asks for, in words (e.g. "≤ 300 ms"). */
  readonly target: string;
  readonly pass: boolean;
}

export const BENCH_JSON = resolve(import.meta.dirname, '..', '..', 'test-results', 'bench.json');

export function recordBench(results: readonly BenchResult[], file = BENCH_JSON): void {
  let existing: BenchResult[] = [];
  if (existsSync(file)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (Array.isArray(parsed)) existing = parsed as BenchResult[];
    } catch {
      existing = [];
    }
  }
  const names = new Set(results.map((r) => r.name));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify([...existing.filter((r) => !names.has(r.name)), ...results], null, 2)}\n`);
}
