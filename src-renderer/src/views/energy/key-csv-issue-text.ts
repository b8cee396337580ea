// One problem of a key table → one sentence in the operator's language: where (line, column, cell),
// then what, from the core's stable code and the values it found. The core's English sentence is
// only used for a code this renderer does not know yet (a newer core), so the operator still reads
// something actionable. Pure (the translator is passed in), like members/import-issue-text.ts.
import type { KeyCsvIssue, RecomputeState } from '@contract';

export type Translate = (key: string, params?: Record<string, unknown>) => string;
export type HasTranslation = (key: string) => boolean;

export function keyCsvIssueWhere(issue: Pick<KeyCsvIssue, 'line' | 'column' | 'cell'>, t: Translate): string {
  const parts = [t('energy.key.csvLine', { line: issue.line })];
  if (issue.column) parts.push(t('energy.key.csvColumn', { column: issue.column }));
  if (issue.cell) parts.push(t('energy.key.csvCell', { cell: issue.cell }));
  return parts.join(', ');
}

export function keyCsvIssueWhat(issue: KeyCsvIssue, t: Translate, has: HasTranslation): string {
  const key = `energy.key.csvIssue.${issue.code}`;
  return has(key) ? t(key, { ...issue.params }) : issue.message;
}

/** Why a recompute failed, from its code (the English text is a value of the 'failed' sentence). */
export function recomputeFailure(state: Pick<RecomputeState, 'error' | 'errorCode'>, t: Translate, has: HasTranslation): string {
  const key = `energy.recompute.errors.${state.errorCode ?? 'failed'}`;
  const reason = has(key) ? t(key, { error: state.error ?? '' }) : (state.error ?? '');
  return t('energy.recompute.failed', { error: reason });
}
