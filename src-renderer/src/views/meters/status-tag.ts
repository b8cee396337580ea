// Meter statuses and stock models as renderer values (the renderer may only import types from the
// contract; the type annotations keep these lists in step with it), and a tag colour per status.
import type { MeterStatus, ModbusMeterView } from '@contract';

export const METER_STATUS_LIST: readonly MeterStatus[] = ['provisioned', 'provisioning', 'attested', 'attestation_failed', 'retired'];
export const SDM_MODEL_LIST: readonly ModbusMeterView['model'][] = ['SDM120', 'SDM630'];

export const STATUS_TAG: Record<MeterStatus, 'success' | 'error' | 'warning' | 'info' | 'default'> = {
  provisioned: 'success',
  attested: 'info',
  provisioning: 'warning',
  attestation_failed: 'error',
  retired: 'default',
};
