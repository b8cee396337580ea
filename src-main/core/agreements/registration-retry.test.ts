import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../contract/agreements.js';
import { registrationRetry } from './registration-retry.js';

const registration = (state: Agreement['registration']['state']) => ({ registrar: 'chain-multisig', state, collectionId: null, itemId: null, callHash: null, blockHash: null, blockNumber: null, extrinsicHash: null, failure: state === 'failed' ? 'not set up' : null });

describe('registrationRetry', () => {
  it('allows a retry of a failed registration that no party approved yet', () => {
    expect(registrationRetry({ status: 'proposed', version: 2, registration: registration('failed') }, [])).toBe('allowed');
    // Approvals of an earlier version do not count against this one; a failed approval never landed.
    expect(registrationRetry({ status: 'proposed', version: 2, registration: registration('failed') }, [{ version: 1, state: 'on_chain' }, { version: 2, state: 'failed' }])).toBe('allowed');
  });

  it('asks to withdraw and propose again once a party approved this version on chain', () => {
    expect(registrationRetry({ status: 'proposed', version: 2, registration: registration('failed') }, [{ version: 2, state: 'on_chain' }])).toBe('repropose');
    expect(registrationRetry({ status: 'proposed', version: 2, registration: registration('failed') }, [{ version: 2, state: 'pending_chain' }])).toBe('repropose');
  });

  it('offers nothing when the registration did not fail or the agreement is not proposed', () => {
    expect(registrationRetry({ status: 'proposed', version: 1, registration: registration('pending_chain') }, [])).toBeNull();
    expect(registrationRetry({ status: 'draft', version: 1, registration: registration('failed') }, [])).toBeNull();
  });
});
