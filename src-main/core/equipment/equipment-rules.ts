// Consistency rules of one equipment record, as a pure function so create and update share them.
import type { ApiIssue } from '../../contract/errors.js';
import { ruleIssue } from '../../contract/issues.js';
import type { EquipmentFieldsValue, EquipmentStatus } from '../../contract/equipment.js';

export function equipmentProblems(fields: EquipmentFieldsValue): ApiIssue[] {
  const issues: ApiIssue[] = [];
  if (fields.kind === 'battery' && fields.storageWh === null) issues.push(ruleIssue('storageWh', 'batteryNeedsStorage', 'A battery needs its storage capacity in Wh'));
  if (fields.kind !== 'battery' && fields.storageWh !== null) issues.push(ruleIssue('storageWh', 'onlyBatteryStorage', 'Only batteries have a storage capacity; register a hybrid system as two items'));
  if (fields.status === 'leased' && (fields.hostMemberId === null || fields.hostMemberId === fields.ownerMemberId)) {
    issues.push(ruleIssue('hostMemberId', 'leasedNeedsHost', 'Leased equipment is hosted by a member other than its owner'));
  }
  if (fields.meterRefs && new Set(fields.meterRefs).size !== fields.meterRefs.length) issues.push(ruleIssue('meterRefs', 'meterLinkedTwice', 'A meter is linked twice'));
  return issues;
}

/** Retired is final: the record stays for history but nothing about it changes any more. */
export function statusChangeProblem(from: EquipmentStatus, to: EquipmentStatus): string | null {
  if (from === 'retired' && to !== 'retired') return 'Retired equipment cannot come back; register the device again if it returns to service.';
  return null;
}
