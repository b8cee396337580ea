// The one place where a validation issue of the core becomes a sentence in the operator's language.
// The core hands each issue's kind (the schema's issue code, or a rule's reason) and its values; the
// English sentence it also carries is for logs and never shown here. A field may have its own words
// for a kind (errors.issues.fields.<field>.<kind>), e.g. "Choose the owner" for a missing owner.
// A relative type path, not the @contract alias, so the core's unit tests can load this file too.
import type { ApiIssue } from '../../../src-main/contract/index.js';

export interface IssueTranslator {
  t(key: string, params?: Record<string, unknown>): string;
  te(key: string): boolean;
}

type Params = Record<string, string | number | boolean>;

/** The field an issue is about: the last named segment of its path ("windows.2.endHour" → "endHour"). */
export function issueField(path: string): string {
  return path.split('.').filter((part) => part !== '' && !/^\d+$/.test(part)).pop() ?? '';
}

const chooses = (field: string) => /(Id|Ids)$/.test(field) || field === 'kind' || field === 'mode' || field === 'role' || field === 'roles';

/** The kind of problem, a key under `errors.issues` (pure; the same issue always gives the same kind). */
export function issueKind(issue: ApiIssue): string {
  const p: Params = { ...(issue.params ?? {}) };
  const field = issueField(issue.path);
  const origin = String(p.origin ?? '');
  switch (issue.code) {
    case 'custom':
      return issue.reason ? `reason.${issue.reason}` : 'invalid';
    case 'too_small':
      if (origin === 'string') return Number(p.minimum) <= 1 ? 'required' : 'textTooShort';
      if (origin === 'array' || origin === 'set') return Number(p.minimum) <= 1 ? 'chooseAtLeastOne' : 'listTooShort';
      if (chooses(field)) return 'choose';
      if (p.minimum === 0 && p.inclusive !== false) return 'negative';
      if ((p.minimum === 1 && p.inclusive !== false) || (p.minimum === 0 && p.inclusive === false)) return 'aboveZero';
      return 'tooSmall';
    case 'too_big':
      if (origin === 'string') return 'textTooLong';
      if (origin === 'array' || origin === 'set') return 'listTooLong';
      return 'tooBig';
    case 'invalid_type':
      if (p.missing === true) return chooses(field) ? 'choose' : 'required';
      if (p.expected === 'int') return 'wholeNumber';
      if (p.expected === 'number') return 'number';
      return chooses(field) ? 'choose' : 'invalid';
    case 'not_multiple_of':
      return 'wholeNumber';
    case 'invalid_format':
      if (p.format === 'email') return 'email';
      if (/date|time/i.test(String(p.format)) || /date|At$|From$|Until$/i.test(field)) return 'date';
      return 'format';
    case 'invalid_value':
      return 'choose';
    default:
      return 'invalid';
  }
}

export function describeIssueWith(translator: IssueTranslator, issue: ApiIssue): string {
  const kind = issueKind(issue);
  const params = { ...(issue.params ?? {}) };
  const own = `errors.issues.fields.${issueField(issue.path)}.${kind}`;
  if (translator.te(own)) return translator.t(own, params);
  const key = `errors.issues.${kind}`;
  return translator.te(key) ? translator.t(key, params) : translator.t('errors.issues.invalid');
}

/** The issue in the language of this window (errors.json is loaded before the first screen). */
