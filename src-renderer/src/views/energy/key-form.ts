// The allocation key editor's form → the contract's key definition, and the checks the operator
// gets before anything is sent (each one a translation key with its values). The core checks the
// same again; these only save a round trip. Pure: unit-tested.
import type { AllocationKeyDefinitionInput, KeyMode } from '@contract';

export interface CoefficientRow {
  memberId: number | null;
  /** In [0, 1]; null while the field is empty. */
  coefficient: number | null;
}

export interface KeyForm {
  mode: KeyMode;
  /** Local date-time (ms since epoch) of the first interval the version applies to. */
  validFrom: number | null;
  rows: CoefficientRow[];
  unused: 'export' | 'reallocate';
  csv: string;
  notes: string;
}

export interface FormProblem {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

const QUARTER_MS = 900_000;

/** The next 15-min boundary at or after `ms` (keys start on an interval). */
export function nextIntervalStart(ms: number): number {
  return Math.ceil(ms / QUARTER_MS) * QUARTER_MS;
}

/** Tomorrow at local midnight: a key's usual start (a start in the past would rewrite computed flows). */
export function defaultValidFrom(now: Date = new Date()): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
}

export function emptyKeyForm(now: Date = new Date()): KeyForm {
  return { mode: 'pro_rata', validFrom: defaultValidFrom(now), rows: [{ memberId: null, coefficient: null }], unused: 'export', csv: '', notes: '' };
}

/** Coefficients add up in parts per million so 0.1 + 0.2 is exactly 0.3. */
export function coefficientSum(rows: readonly CoefficientRow[]): number {
  return rows.reduce((sum, row) => sum + Math.round((row.coefficient ?? 0) * 1_000_000), 0) / 1_000_000;
}

export function formProblems(form: KeyForm, nameOf: (id: number) => string): FormProblem[] {
  const problems: FormProblem[] = [];
  if (form.mode === 'fixed') {
    if (form.rows.some((row) => row.memberId === null || row.coefficient === null)) problems.push({ key: 'energy.key.chooseMember' });
    const seen = new Set<number>();
    for (const row of form.rows) {
      if (row.memberId === null) continue;
      if (seen.has(row.memberId)) problems.push({ key: 'energy.key.duplicateMember', params: { name: nameOf(row.memberId) } });
      seen.add(row.memberId);
    }
    if (coefficientSum(form.rows) > 1 + 1e-9) problems.push({ key: 'energy.key.sumTooHigh' });
  }
  return problems;
}

/** The definition to preview or save; null while the form cannot make one. */
export function keyDefinition(form: KeyForm): AllocationKeyDefinitionInput | null {
  if (form.mode === 'pro_rata') return { mode: 'pro_rata' };
  if (form.mode === 'custom_table') return form.csv.trim() === '' ? null : { mode: 'custom_table', csv: form.csv };
  const coefficients = form.rows.flatMap((row) => (row.memberId !== null && row.coefficient !== null ? [{ memberId: row.memberId, coefficient: row.coefficient }] : []));
  return coefficients.length === 0 ? null : { mode: 'fixed', coefficients, unused: form.unused };
}

/** The version's start as the core wants it: an ISO instant on a 15-min boundary. */
export function validFromIso(form: KeyForm): string | null {
  return form.validFrom === null ? null : new Date(nextIntervalStart(form.validFrom)).toISOString();
}
