// Names of the contract's and the core's own validation rules. A rule that refuses input with a
// sentence of its own also hands one of these reasons (and the values it found), so the renderer can
// say the problem in the operator's language instead of showing the English sentence. The renderer
// has a translation for every reason listed here (a unit test checks it).
import type { ApiIssue } from './errors.js';

export const ISSUE_REASONS = [
  'listedTwice',
  'weekdayTwice',
  'buyerTwice',
  'windowEndsBeforeStart',
  'windowsOverlap',
  'lastBlockOpen',
  'onlyLastBlockOpen',
  'blocksAscend',
  'unknownTimeZone',
  'standardBaudRate',
  'intervalDividesDay',
  'pollSeconds',
  'amountAboveZero',
  'batteryNeedsStorage',
  'onlyBatteryStorage',
  'leasedNeedsHost',
  'meterLinkedTwice',
  'memberTwoRoles',
  'memberMissing',
  'memberInactive',
  'billingModePast',
  'portRequired',
  'switchFailed',
  'switchAlreadyDecided',
  'alreadyUsed',
  'unknownSite',
  'unknownMember',
  'invalidAddress',
  'invalidAmount',
] as const;
export type IssueReason = (typeof ISSUE_REASONS)[number];

type Params = Readonly<Record<string, string | number | boolean>>;

/**
 * The second argument of a schema refinement: the English sentence plus the reason, carried by the
 * schema library as the issue's params (the dispatcher copies them onto the ApiIssue).
 */
export function because(reason: IssueReason, message: string, params: Params = {}): { message: string; params: Params & { reason: IssueReason } } {
  return { message, params: { ...params, reason } };
}

/** An issue found by a rule of the core (outside the schema), with its reason and values. */
export function ruleIssue(path: string, reason: IssueReason, message: string, params?: Params): ApiIssue {
  return { path, message, code: 'custom', reason, ...(params && { params }) };
}
