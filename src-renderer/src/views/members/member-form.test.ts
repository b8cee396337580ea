// Member form ↔ contract input: trimmed values, only changed fields on update.
import { describe, expect, it } from 'vitest';
import type { Member } from '@contract';
import { formFromMember, memberChanges, memberInput } from './member-form.js';
import { checkAdmin, checkCooperative, mapIssuePath, type SetupForm } from '../setup/setup-form.js';

const existing: Member = {
  id: 9,
  memberNo: 'K-9',
  fullName: 'Amina Njeri',
  siteId: 2,
  siteName: 'Soko',
  roles: ['consumer'],
  phone: '',
  email: '',
  village: 'Soko',
  gpsLat: -1.5,
  gpsLon: 37.1,
  premisesM2: 40,
  preferredEnergy: ['solar'],
  notes: '',
  joinedOn: '2025-01-02',
  active: true,
  deactivatedReason: '',
  createdAt: '',
  updatedAt: '',
};

describe('member form', () => {
  it('builds create input with trimmed text and a missing site left for the core to name', () => {
    const form = formFromMember(null, null);
    form.memberNo = '  K-1 ';
    form.fullName = ' Baraka ';
    const input = memberInput(form);
    expect(input).toMatchObject({ memberNo: 'K-1', fullName: 'Baraka', siteId: 0, roles: ['consumer'] });
  });

  it('sends only what changed on update', () => {
    const form = formFromMember(existing, 1);
    expect(memberChanges(existing, form)).toEqual({});
    form.phone = '+254 700 000 000';
    form.roles = ['consumer', 'prosumer'];
    expect(memberChanges(existing, form)).toEqual({ phone: '+254 700 000 000', roles: ['consumer', 'prosumer'] });
  });
});

describe('setup wizard checks', () => {
  const form: SetupForm = { name: '', currency: 'eur', timezone: 'UTC', locale: 'en', username: 'admin', displayName: 'A', password: 'short', confirm: 'other' };
  it('names each field that needs attention before asking the core', () => {
    expect(checkCooperative(form)).toEqual({ name: 'setup.required', currency: 'setup.currencyFormat' });
    expect(checkAdmin(form)).toEqual({ password: 'setup.passwordShort', confirm: 'setup.passwordMismatch' });
  });
  it('maps core issue paths back to the step and field', () => {
    expect(mapIssuePath('cooperative.timezone')).toEqual({ field: 'timezone', step: 1 });
    expect(mapIssuePath('admin.username')).toEqual({ field: 'username', step: 2 });
  });
});
