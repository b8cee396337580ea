// The list behind a filtered table: filters go to the core, the search text is debounced, other
// filter changes fetch at once, and a slower answer to an older filter never overwrites a newer one.
// Shared by the stores of every list area (members, equipment, …).
import { ref, watch, type Ref } from 'vue';
import type { Page } from '@contract';

export const SEARCH_DEBOUNCE_MS = 250;

export interface FilteredList<Row, Filters extends { search: string }> {
  readonly filters: Ref<Filters>;
  readonly rows: Ref<readonly Row[]>;
  readonly total: Ref<number>;
  readonly loading: Ref<boolean>;
  readonly error: Ref<unknown>;
  fetch(): Promise<void>;
  /** Back to the empty filters and no rows (e.g. after sign-out), dropping answers still on their way. */
  reset(): void;
}

export function useFilteredList<Row, Filters extends { search: string }>(
  emptyFilters: () => Filters,
  load: (filters: Filters) => Promise<Page<Row>>,
): FilteredList<Row, Filters> {
  const filters = ref(emptyFilters()) as Ref<Filters>;
  const rows = ref<readonly Row[]>([]) as Ref<readonly Row[]>;
  const total = ref(0);
  const loading = ref(false);
  const error = ref<unknown>(null);
  let requestSeq = 0;
  let debounceTimer: ReturnType<typeof setTimeout> | null = null;

  async function fetch() {
    const seq = ++requestSeq;
    loading.value = true;
    try {
      const page = await load(filters.value);
      if (seq !== requestSeq) return;
      rows.value = page.rows;
      total.value = page.total;
      error.value = null;
    } catch (err) {
      if (seq === requestSeq) error.value = err;
      throw err;
    } finally {
      if (seq === requestSeq) loading.value = false;
    }
  }

  function scheduleFetch(delay: number) {
    if (debounceTimer) clearTimeout(debounceTimer);
    debounceTimer = setTimeout(() => {
      debounceTimer = null;
      fetch().catch(() => undefined); // kept in `error` for the view
    }, delay);
  }

  watch(
    () => filters.value.search,
    () => scheduleFetch(SEARCH_DEBOUNCE_MS),
  );
  // Compared as text: the callback runs only when a filter other than the search really changed.
  watch(
    () => JSON.stringify({ ...filters.value, search: undefined }),
    () => scheduleFetch(0),
  );

  function reset() {
    requestSeq++;
    if (debounceTimer) clearTimeout(debounceTimer);
    filters.value = emptyFilters();
    rows.value = [];
    total.value = 0;
    error.value = null;
    loading.value = false;
  }

  return { filters, rows, total, loading, error, fetch, reset };
}
