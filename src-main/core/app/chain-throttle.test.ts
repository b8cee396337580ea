import { afterEach, describe, expect, it, vi } from 'vitest';
import { throttleLatest } from './chain-throttle.js';

describe('throttleLatest (chain head events)', () => {
  afterEach(() => vi.useRealTimers());

  it('emits the first value at once, then at most one per interval, always ending with the latest', () => {
    vi.useFakeTimers();
    const seen: number[] = [];
    const head = throttleLatest((n: number) => seen.push(n), 1000);
    head.push(1);
    expect(seen).toEqual([1]);
    for (let n = 2; n <= 20; n++) head.push(n); // a burst of blocks within one second
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([1, 20]);
    vi.advanceTimersByTime(5000); // nothing new: nothing sent
    expect(seen).toEqual([1, 20]);
    head.push(21); // quiet for longer than the interval: goes at once again
    expect(seen).toEqual([1, 20, 21]);
    head.push(22);
    head.cancel();
    vi.advanceTimersByTime(2000);
    expect(seen).toEqual([1, 20, 21]);
  });
});
