// One statement problem → one sentence in the operator's language (code + params from the core);
// the core's English sentence only for a code this renderer does not know yet.
import type { StatementIssue } from '@contract';

export function statementIssueText(issue: StatementIssue, t: (key: string, params: Record<string, unknown>) => string, has: (key: string) => boolean): string {
  const key = `payments.statement.issues.${issue.code}`;
  if (!has(key)) return issue.message;
  return t(key, { ...issue.params, line: issue.line, column: issue.column ?? '' });
}
