// Chart options carry exactly the figures of the summary, in order, with translated labels.
import { describe, expect, it } from 'vitest';
import type { DashboardSummary } from '@contract';
import { byRoleOption, bySiteOption, growthOption } from './chart-options.js';

const summary: DashboardSummary = {
  totals: { members: 7, activeMembers: 6, sites: 2, prosumers: 3 },
  byRole: [
    { role: 'consumer', count: 5 },
    { role: 'prosumer', count: 3 },
  ],
  bySite: [
    { siteId: 1, siteName: 'Kijiji', count: 4 },
    { siteId: 2, siteName: 'Soko', count: 3 },
  ],
  growth: [
    { month: '2025-01', joined: 4, total: 4 },
    { month: '2025-02', joined: 0, total: 4 },
    { month: '2025-03', joined: 3, total: 7 },
  ],
};

describe('dashboard chart options', () => {
  it('members by role: one bar per role with translated labels', () => {
    const option = byRoleOption(summary, (role) => `label:${role}`, 'Members');
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['label:consumer', 'label:prosumer'] });
    expect(option.series).toMatchObject([{ type: 'bar', data: [5, 3] }]);
  });

  it('members by site: a donut slice per site', () => {
    const option = bySiteOption(summary, 'Members', (n) => `n=${n}`);
    expect(option.series).toMatchObject([{ type: 'pie', data: [{ name: 'Kijiji', value: 4 }, { name: 'Soko', value: 3 }] }]);
    const [pie] = option.series as Array<{ label: { show: boolean; formatter: (p: { value: number }) => string } }>;
    expect(pie?.label.show).toBe(true);
    expect(pie?.label.formatter({ value: 4 })).toBe('n=4');
  });

  it('growth: a line of totals and bars of monthly joins over the same months', () => {
    const option = growthOption(summary, { total: 'Total', joined: 'Joined' });
    expect(option.xAxis).toMatchObject({ data: ['2025-01', '2025-02', '2025-03'] });
    expect(option.series).toMatchObject([
      { type: 'line', name: 'Total', data: [4, 4, 7] },
      { type: 'bar', name: 'Joined', data: [4, 0, 3] },
    ]);
  });
});
