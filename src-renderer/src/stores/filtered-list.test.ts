// The "latest request wins" core: an older answer (or failure) arriving after a newer request is
// ignored, and a dropped load changes nothing when it finally answers.
import { describe, expect, it } from 'vitest';
import { useLatestLoad } from './filtered-list.js';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('useLatestLoad', () => {
  it('keeps the newest answer when an older one arrives last, and ignores the older failure', async () => {
    const pending = [deferred<string>(), deferred<string>()];
    let next = 0;
    const applied: string[] = [];
    const list = useLatestLoad(() => pending[next++]!.promise, (answer) => applied.push(answer));
    const older = list.fetch();
    const newer = list.fetch();
    pending[1]!.resolve('new');
    await newer;
    expect(list.loading.value).toBe(false);
    pending[0]!.reject(new Error('old failure'));
    await expect(older).rejects.toThrow('old failure');
    expect(applied).toEqual(['new']);
    expect(list.error.value).toBeNull();
  });

  it('keeps the failure of the latest load in error and clears it on drop', async () => {
    const list = useLatestLoad(() => Promise.reject(new Error('offline')), () => undefined);
    await expect(list.fetch()).rejects.toThrow('offline');
    expect(list.error.value).toBeInstanceOf(Error);
    list.drop();
    expect(list.error.value).toBeNull();
  });

  it('applies nothing from a load that was dropped while on its way', async () => {
    const pending = deferred<string>();
    const applied: string[] = [];
    const list = useLatestLoad(() => pending.promise, (answer) => applied.push(answer));
    const load = list.fetch();
    expect(list.loading.value).toBe(true);
    list.drop();
    expect(list.loading.value).toBe(false);
    pending.resolve('late');
    await load;
    expect(applied).toEqual([]);
    expect(list.loading.value).toBe(false);
  });
});
