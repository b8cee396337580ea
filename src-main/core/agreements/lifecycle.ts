// The agreement lifecycle as a pure state machine:
//   draft → proposed → signed (by all) → active → completed
//   any of draft/proposed/signed/active → terminated (with a reason); proposed → draft (withdraw, to revise)
// 'all_signed' is reached by the last confirmed signature, never requested by an operator.
import type { AgreementAction, AgreementStatus } from '../../contract/agreements.js';

export type AgreementEvent = AgreementAction | 'all_signed';

const TRANSITIONS: Readonly<Record<AgreementStatus, Partial<Record<AgreementEvent, AgreementStatus>>>> = {
  draft: { propose: 'proposed', terminate: 'terminated' },
  proposed: { withdraw: 'draft', all_signed: 'signed', terminate: 'terminated' },
  signed: { activate: 'active', terminate: 'terminated' },
  active: { complete: 'completed', terminate: 'terminated' },
  completed: {},
  terminated: {},
};

/** Events that must say why (kept in the audit log and on the agreement). */
export const REASON_REQUIRED: ReadonlySet<AgreementEvent> = new Set(['terminate', 'withdraw']);

const VERB: Record<AgreementEvent, string> = {
  propose: 'proposed',
  withdraw: 'withdrawn',
  all_signed: 'marked signed',
  activate: 'activated',
  complete: 'completed',
  terminate: 'terminated',
};

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: AgreementStatus,
    readonly event: AgreementEvent,
  ) {
    const allowed = allowedActions(from);
    super(
      `An agreement that is ${from} cannot be ${VERB[event]}.` +
        (allowed.length ? ` From ${from} it can be: ${allowed.map((a) => VERB[a]).join(', ')}.` : ` It is ${from} for good.`),
    );
    this.name = 'IllegalTransitionError';
  }
}

export function nextStatus(from: AgreementStatus, event: AgreementEvent): AgreementStatus {
  const to = TRANSITIONS[from][event];
  if (!to) throw new IllegalTransitionError(from, event);
  return to;
}

export function allowedActions(status: AgreementStatus): AgreementAction[] {
  return (Object.keys(TRANSITIONS[status]) as AgreementEvent[]).filter((e): e is AgreementAction => e !== 'all_signed');
}

export const isFinal = (status: AgreementStatus): boolean => allowedActions(status).length === 0 && TRANSITIONS[status].all_signed === undefined;
