// The list behind a filtered table: filters go to the core, the search text is debounced, other
// filter changes fetch at once, and a slower answer to an older filter never overwrites a newer one.
// Shared by the stores of every list area (members, equipment, meters); its "latest request wins"
// core (useLatestLoad) also serves lists without a search box (agreements).
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

export interface LatestLoad {
  readonly loading: Ref<boolean>;
  readonly error: Ref<unknown>;
  /** Loads and applies the answer unless a newer load started meanwhile; rethrows (also kept in `error`). */
  fetch(): Promise<void>;
  /** Forgets loads still on their way (their answers and errors are ignored) and clears loading/error. */
  drop(): void;
}

/** The "latest request wins" core: a slower answer to an older request never overwrites a newer one. */
export function useLatestLoad<Answer>(load: () => Promise<Answer>, apply: (answer: Answer) => void): LatestLoad {
  const loading = ref(false);
  const error = ref<unknown>(null);
  let requestSeq = 0;

  async function fetch() {
    const seq = ++requestSeq;
    loading.value = true;
    try {
      const answer = await load();
      if (seq !== requestSeq) return;
      apply(answer);
      error.value = null;
    } catch (err) {
      if (seq === requestSeq) error.value = err;
      throw err;
    } finally {
      if (seq === requestSeq) loading.value = false;
    }
  }

  function drop() {
    requestSeq++;
    error.value = null;
    loading.value = false;
  }

  return { loading, error, fetch, drop };
}

export function useFilteredList<Row, Filters extends { search: string }>(
  emptyFilters: () => Filters,
  load: (filters: Filters) => Promise<Page<Row>>,
): FilteredList<Row, Filters> {
  const filters = ref(emptyFilters()) as Ref<Filters>;
  const rows = ref<readonly Row[]>([]) as Ref<readonly Row[]>;
  const total = ref(0);
  const { loading, error, fetch, drop } = useLatestLoad(
    () => load(filters.value),
    (page) => {
      rows.value = page.rows;
      total.value = page.total;
    },
  );
  let debounceTimer: ReturnType<typeof setTimeout> | null = null;

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
    drop();
    if (debounceTimer) clearTimeout(debounceTimer);
    filters.value = emptyFilters();
    rows.value = [];
    total.value = 0;
  }

  return { filters, rows, total, loading, error, fetch, reset };
}
