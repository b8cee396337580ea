// The member form's state ↔ the contract's MemberFields, and the option lists it offers.
import type { EnergyKind, InputOf, Member, MemberRole } from '@contract';

export const MEMBER_ROLE_LIST: readonly MemberRole[] = ['consumer', 'prosumer', 'owner', 'third_party', 'government'];
export const ENERGY_KIND_LIST: readonly EnergyKind[] = ['solar', 'wind', 'hydro', 'biogas', 'battery'];

export interface MemberFormState {
  memberNo: string;
  fullName: string;
  siteId: number | null;
  roles: MemberRole[];
  phone: string;
  email: string;
  village: string;
  gpsLat: number | null;
  gpsLon: number | null;
  premisesM2: number | null;
  preferredEnergy: EnergyKind[];
  notes: string;
  joinedOn: string | null;
}

export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function formFromMember(member: Member | null, defaultSiteId: number | null): MemberFormState {
  if (!member) {
    return {
      memberNo: '',
      fullName: '',
      siteId: defaultSiteId,
      roles: ['consumer'],
      phone: '',
      email: '',
      village: '',
      gpsLat: null,
      gpsLon: null,
      premisesM2: null,
      preferredEnergy: [],
      notes: '',
      joinedOn: today(),
    };
  }
  return {
    memberNo: member.memberNo,
    fullName: member.fullName,
    siteId: member.siteId,
    roles: [...member.roles],
    phone: member.phone,
    email: member.email,
    village: member.village,
    gpsLat: member.gpsLat,
    gpsLon: member.gpsLon,
    premisesM2: member.premisesM2,
    preferredEnergy: [...member.preferredEnergy],
    notes: member.notes,
    joinedOn: member.joinedOn,
  };
}

/**
 * The form as channel input. Missing site or date are sent as invalid values on purpose: the core's
 * validation then names the field, so there is one source of truth for the rules.
 */
export function memberInput(form: MemberFormState): InputOf<'members.create'> {
  return {
    memberNo: form.memberNo.trim(),
    fullName: form.fullName.trim(),
    siteId: form.siteId ?? 0,
    roles: form.roles,
    phone: form.phone.trim(),
    email: form.email.trim(),
    village: form.village.trim(),
    gpsLat: form.gpsLat,
    gpsLon: form.gpsLon,
    premisesM2: form.premisesM2,
    preferredEnergy: form.preferredEnergy,
    notes: form.notes,
    joinedOn: form.joinedOn ?? '',
  };
}

/** Only what changed, for members.update. */
export function memberChanges(before: Member, form: MemberFormState): InputOf<'members.update'>['changes'] {
  const next = memberInput(form);
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const old = (before as unknown as Record<string, unknown>)[key];
    if (JSON.stringify(old) !== JSON.stringify(value)) changes[key] = value;
  }
  return changes as InputOf<'members.update'>['changes'];
}
