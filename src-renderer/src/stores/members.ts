// The members list: filters go to the core (one fetch per filter change, search debounced);
// sorting of the fetched rows happens here so it is instant even for thousands of rows.
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { Member, MemberRole } from '@contract';
import { useApi } from '../api/index.js';

export type MemberStatus = 'active' | 'inactive' | 'all';
export type MemberSortKey = 'memberNo' | 'fullName' | 'siteName' | 'village' | 'joinedOn';
export type SortOrder = 'ascend' | 'descend';

export interface MemberFilters {
  search: string;
  siteId: number | null;
  role: MemberRole | null;
  status: MemberStatus;
}

export const SEARCH_DEBOUNCE_MS = 250;
const FETCH_LIMIT = 5000;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function sortMembers(rows: readonly Member[], key: MemberSortKey, order: SortOrder): Member[] {
  const sign = order === 'ascend' ? 1 : -1;
  // Ties fall back to the member number so the order is stable across fetches.
  return [...rows].sort((a, b) => sign * collator.compare(a[key], b[key]) || collator.compare(a.memberNo, b.memberNo));
}

export const useMembersStore = defineStore('members', () => {
  const api = useApi();
  const filters = ref<MemberFilters>({ search: '', siteId: null, role: null, status: 'active' });
  const sortKey = ref<MemberSortKey>('fullName');
  const sortOrder = ref<SortOrder>('ascend');
  const rows = ref<readonly Member[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const error = ref<unknown>(null);
  let requestSeq = 0;
  let debounceTimer: ReturnType<typeof setTimeout> | null = null;

  const sorted = computed(() => sortMembers(rows.value, sortKey.value, sortOrder.value));

  async function fetch() {
    const seq = ++requestSeq;
    loading.value = true;
    try {
      const page = await api.call('members.list', { ...filters.value, limit: FETCH_LIMIT, offset: 0 });
      // A slower answer to an older filter must not overwrite a newer one.
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
      fetch().catch(() => undefined); // error is kept in `error` for the view
    }, delay);
  }

  watch(
    () => filters.value.search,
    () => scheduleFetch(SEARCH_DEBOUNCE_MS),
  );
  watch(
    () => [filters.value.siteId, filters.value.role, filters.value.status],
    () => scheduleFetch(0),
  );

  function setSort(key: MemberSortKey, order: SortOrder) {
    sortKey.value = key;
    sortOrder.value = order;
  }

  /** Replaces one row after an edit so the list need not be fetched again. */
  function replace(member: Member) {
    rows.value = rows.value.map((row) => (row.id === member.id ? member : row));
  }

  /** Back to the defaults, e.g. when the operator signs out: the next one starts from a clean list. */
  function reset() {
    requestSeq++;
    if (debounceTimer) clearTimeout(debounceTimer);
    filters.value = { search: '', siteId: null, role: null, status: 'active' };
    sortKey.value = 'fullName';
    sortOrder.value = 'ascend';
    rows.value = [];
    total.value = 0;
    error.value = null;
    loading.value = false;
  }

  return { filters, sortKey, sortOrder, rows, total, loading, error, sorted, fetch, setSort, replace, reset };
});
