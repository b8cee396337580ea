import { describe, expect, it } from 'vitest';
import { MEMBER_TABS, groupStarts, openedTab } from './member-tabs.js';

const keys = (tabs: readonly { key: string }[]) => tabs.map((entry) => entry.key);

describe('member page tabs', () => {
  it('keeps all eleven tabs, each key once, with the tabs of one group side by side', () => {
    expect(keys(MEMBER_TABS).sort()).toEqual(['account', 'agreements', 'card', 'energy', 'equipment', 'field', 'meters', 'profile', 'statements', 'tariff', 'tokens']);
    const groups = MEMBER_TABS.map((entry) => entry.group).filter((group, i, all) => all[i - 1] !== group);
    expect(new Set(groups).size).toBe(groups.length);
  });

  it('opens the tab named in the address only when the operator may see it', () => {
    const technician = MEMBER_TABS.filter((entry) => entry.roles.includes('technician'));
    expect(openedTab(MEMBER_TABS, 'statements')).toBe('statements');
    expect(openedTab(technician, 'statements')).toBe('profile');
    expect(openedTab(MEMBER_TABS, 'nonsense')).toBe('profile');
    expect(openedTab(MEMBER_TABS, ['account'])).toBe('profile');
    expect(openedTab(MEMBER_TABS, undefined)).toBe('profile');
  });

  it('puts a gap above the first visible tab of each group, never above the first tab', () => {
    expect([...groupStarts(MEMBER_TABS)]).toEqual(['equipment', 'meters', 'energy', 'account']);
    const technician = MEMBER_TABS.filter((entry) => entry.roles.includes('technician'));
    expect(keys(technician)).toEqual(['profile', 'equipment', 'meters', 'field']);
    expect([...groupStarts(technician)]).toEqual(['equipment', 'meters']);
  });
});
