// Turns a failed provisioning run into one sentence a technician can act on, in the UI language:
// serial problems by link code (with the port and number of tries), attestation by the failed check
// and what it means; anything else keeps the core's own message.
import type { ProvisioningRun } from '@contract';

type Translate = (key: string, params?: Record<string, unknown>) => string;

const LINK_CODES = new Set(['TIMEOUT', 'DISCONNECTED', 'PORT_OPEN_FAILED', 'CRC_MISMATCH', 'TRUNCATED', 'NOISE', 'MALFORMED_REPLY', 'BAD_VERSION', 'OVERSIZE', 'DEVICE_ERROR']);

export function runAdvice(run: ProvisioningRun, t: Translate): string | null {
  const error = run.error;
  if (!error) return null;
  const port = run.request.portPath;
  if (error.code === 'ATTESTATION_FAILED' && error.failedCheck) {
    const check = t(`meters.checks.names.${error.failedCheck}`);
    return `${t('meters.wizard.failedCheck', { check, meaning: t(`meters.checks.meaning.${error.failedCheck}`) })} ${t('meters.wizard.doNotInstall')}`;
  }
  if (error.code === 'LINK' && error.linkCode && LINK_CODES.has(error.linkCode)) {
    return t(`meters.wizard.errors.${error.linkCode}`, { port, attempts: error.attempts ?? 1, message: error.message });
  }
  if (error.code === 'BATCH_REJECTED' || error.code === 'PROVISION_MISMATCH' || error.code === 'MEMBER_NOT_FOUND') {
    return t(`meters.wizard.errors.${error.code}`, { message: error.message });
  }
  return t('meters.wizard.errors.other', { message: error.message });
}
