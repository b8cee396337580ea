// When a lease-to-own agreement counts as paid off (pure rule).
import { describe, expect, it } from 'vitest';
import { isPaidOff } from './lease-to-own-completion.js';

const schedule = [{ number: 1, amountMinor: 300 }, { number: 2, amountMinor: 300 }];

describe('isPaidOff', () => {
  it('needs every instalment charged at least its amount and fully paid', () => {
    expect(isPaidOff(schedule, new Map([[1, { charged: 300, paid: 300 }], [2, { charged: 300, paid: 300 }]]))).toBe(true);
    expect(isPaidOff(schedule, new Map([[1, { charged: 300, paid: 300 }], [2, { charged: 300, paid: 299 }]]))).toBe(false);
    expect(isPaidOff(schedule, new Map([[1, { charged: 300, paid: 300 }]]))).toBe(false);
    expect(isPaidOff(schedule, new Map([[1, { charged: 300, paid: 300 }], [2, { charged: 200, paid: 200 }]]))).toBe(false);
    expect(isPaidOff([], new Map())).toBe(false);
  });
});
