// The issue mapping (issue-kind.ts) bound to this window's translations.
import type { ApiIssue } from '@contract';
import { i18n } from './index.js';
import { describeIssueWith } from './issue-kind.js';

export { describeIssueWith, issueField, issueKind, type IssueTranslator } from './issue-kind.js';

/** The issue in the language of this window (errors.json is loaded before the first screen). */
export function describeIssue(issue: ApiIssue): string {
  return describeIssueWith({ t: (key, params) => i18n.global.t(key, params ?? {}), te: (key) => i18n.global.te(key) }, issue);
}
