import { describe, expect, it } from 'vitest';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../../contract/agreements.js';
import { allowedActions, IllegalTransitionError, nextStatus, type AgreementEvent } from './lifecycle.js';

const EVENTS: AgreementEvent[] = ['propose', 'withdraw', 'all_signed', 'activate', 'complete', 'terminate'];

describe('agreement lifecycle', () => {
  it('walks the happy path draft → proposed → signed → active → completed', () => {
    let status: AgreementStatus = 'draft';
    for (const event of ['propose', 'all_signed', 'activate', 'complete'] as const) status = nextStatus(status, event);
    expect(status).toBe('completed');
  });

  it('allows exactly these transitions and refuses every other one', () => {
    const legal: string[] = [];
    for (const from of AGREEMENT_STATUSES) {
      for (const event of EVENTS) {
        try {
          legal.push(`${from} --${event}--> ${nextStatus(from, event)}`);
        } catch (error) {
          expect(error).toBeInstanceOf(IllegalTransitionError);
        }
      }
    }
    expect(legal).toEqual([
      'draft --propose--> proposed',
      'draft --terminate--> terminated',
      'proposed --withdraw--> draft',
      'proposed --all_signed--> signed',
      'proposed --terminate--> terminated',
      'signed --activate--> active',
      'signed --terminate--> terminated',
      'active --complete--> completed',
      'active --terminate--> terminated',
    ]);
  });

  it('explains a refusal with what is possible instead', () => {
    expect(() => nextStatus('draft', 'activate')).toThrow('An agreement that is draft cannot be activated. From draft it can be: proposed, terminated.');
    expect(() => nextStatus('terminated', 'propose')).toThrow('An agreement that is terminated cannot be proposed. It is terminated for good.');
  });

  it('never offers the operator the signature step, which only the last signature reaches', () => {
    expect(allowedActions('proposed')).toEqual(['withdraw', 'terminate']);
    expect(allowedActions('completed')).toEqual([]);
  });
});
