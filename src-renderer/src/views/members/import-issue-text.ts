// One import problem → one sentence in the operator's language. The core sends a stable code and
// the values the sentence needs; its English message is only used for a code this renderer does not
// know yet (a newer core), so the operator still reads something actionable.
import type { ImportIssue } from '@contract';

export type Translate = (key: string, params: Record<string, unknown>) => string;
export type HasTranslation = (key: string) => boolean;

export function importIssueText(issue: ImportIssue, t: Translate, has: HasTranslation): string {
  const key = `members.import.issues.${issue.code}`;
  if (!has(key)) return issue.message;
  return t(key, { ...issue.params, line: issue.line, column: issue.column ?? '' });
}
