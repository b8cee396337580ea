import { describe, expect, it } from 'vitest';
import { localParts } from './local-time.js';

describe('localParts', () => {
  it('agrees with direct Intl formatting across daylight-saving changes and odd offsets', () => {
    let mismatches = 0;
    for (const timeZone of ['Europe/Paris', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns']) {
      const direct = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 37 * 60_000) {
        const p: Record<string, string> = {};
        for (const part of direct.formatToParts(new Date(ms))) p[part.type] = part.value;
        const local = localParts(ms, timeZone);
        if (local.date !== `${p.year}-${p.month}-${p.day}` || local.hour !== Number(p.hour) || local.minute !== Number(p.minute)) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });

  it('numbers weekdays from Monday = 0', () => {
    expect(localParts(Date.parse('2026-03-02T12:00:00Z'), 'UTC')).toMatchObject({ date: '2026-03-02', weekday: 0, hour: 12 });
    expect(localParts(Date.parse('2026-03-01T22:30:00Z'), 'Africa/Nairobi')).toMatchObject({ date: '2026-03-02', weekday: 0, hour: 1, minute: 30 });
    expect(localParts(Date.parse('2026-03-08T12:00:00Z'), 'UTC').weekday).toBe(6);
  });
});
