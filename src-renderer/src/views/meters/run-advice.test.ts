// Advice for a failed run: which sentence, with which port, tries and check meaning.
import { describe, expect, it } from 'vitest';
import type { ProvisioningRun, RunError } from '@contract';
import { runAdvice } from './run-advice.js';

const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`;
const failed = (error: Partial<RunError>): ProvisioningRun =>
  ({
    request: { portPath: '/dev/ttyUSB0' },
    error: { code: 'LINK', message: 'raw', linkCode: null, failedCheck: null, attempts: null, retryable: true, ...error },
  }) as unknown as ProvisioningRun;

describe('runAdvice', () => {
  it('names the port and the number of tries for a silent meter', () => {
    expect(runAdvice(failed({ linkCode: 'TIMEOUT', attempts: 3 }), t)).toBe('meters.wizard.errors.TIMEOUT{"port":"/dev/ttyUSB0","attempts":3,"message":"raw"}');
  });
  it('names the failed attestation check, what it means, and says not to install', () => {
    const text = runAdvice(failed({ code: 'ATTESTATION_FAILED', failedCheck: 'measurement' }), t);
    expect(text).toContain('meters.checks.names.measurement');
    expect(text).toContain('meters.checks.meaning.measurement');
    expect(text).toContain('meters.wizard.doNotInstall');
  });
  it('keeps the core message for anything else, and says nothing for a run without error', () => {
    expect(runAdvice(failed({ code: 'INTERNAL', linkCode: null }), t)).toBe('meters.wizard.errors.other{"message":"raw"}');
    expect(runAdvice({ error: null } as unknown as ProvisioningRun, t)).toBeNull();
  });
});
