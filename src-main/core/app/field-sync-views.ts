// How a field-sync conflict is shown: both versions as the same named fields, so the operator sees
// side by side what the office holds and what the laptop brought.
import type { ConflictVersionView } from '../../contract/field-sync.js';
import type { FieldSyncConflict } from '../field-sync/conflicts.js';

type Value = string | number | null;
const text = (v: unknown): Value => (typeof v === 'string' || typeof v === 'number' ? v : null);

export function conflictShown(c: FieldSyncConflict, memberLabel: (id: unknown) => string | null, siteLabel: (id: unknown) => string | null): { title: string; officeVersion: ConflictVersionView; fieldVersion: ConflictVersionView } {
  if (c.entity === 'meter') {
    const o = c.officeVersion;
    const f = c.fieldVersion as unknown as Record<string, unknown>;
    return {
      title: `${text(f.model) ?? ''} ${text(f.serialNumber) ?? c.entityKey.slice(0, 12)}`.trim(),
      officeVersion: { member: memberLabel(o.member_id), provisioning: text(o.provisioning_id), equipment: text(o.equipment_ref), interval: text(o.interval_seconds), status: text(o.status) },
      fieldVersion: { member: memberLabel(f.memberId), provisioning: text(f.provisioningId), equipment: text(f.equipmentRef), interval: text(f.intervalSeconds), status: text(f.status), technician: text(f.technician) },
    };
  }
  const o = c.officeVersion;
  const f = c.fieldVersion as unknown as Record<string, unknown>;
  return {
    title: `${text(o.memberNo) ?? ''} ${text(o.fullName) ?? ''}`.trim(),
    officeVersion: { memberNo: text(o.memberNo), fullName: text(o.fullName), site: siteLabel(o.siteId) },
    fieldVersion: { memberNo: text(f.memberNo), fullName: text(f.fullName), site: siteLabel(f.siteId), updatedAt: text(f.editedAt), technician: text(f.technician) },
  };
}
