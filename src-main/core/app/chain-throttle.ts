// "At most one call per interval, and the latest value always gets out": the first value goes at
// once, later ones within the interval are folded into one trailing call with the newest value.
export interface LatestThrottle<T> {
  push(value: T): void;
  cancel(): void;
}

export function throttleLatest<T>(emit: (value: T) => void, intervalMs: number): LatestThrottle<T> {
  let timer: NodeJS.Timeout | null = null;
  let pending: { value: T } | null = null;
  const flush = () => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    emit(value);
    timer = setTimeout(flush, intervalMs);
    timer.unref?.();
  };
  return {
    push(value) {
      pending = { value };
      if (!timer) flush();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
