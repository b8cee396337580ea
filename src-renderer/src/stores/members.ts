// The members list: filters go to the core (one fetch per filter change, search debounced);
// sorting of the fetched rows happens here so it is instant even for thousands of rows.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Member, MemberRole } from '@contract';
import { useApi } from '../api/index.js';
import { useFilteredList } from './filtered-list.js';

export { SEARCH_DEBOUNCE_MS } from './filtered-list.js';

export type MemberStatus = 'active' | 'inactive' | 'all';
export type MemberSortKey = 'memberNo' | 'fullName' | 'siteName' | 'village' | 'joinedOn';
export type SortOrder = 'ascend' | 'descend';

export interface MemberFilters {
  search: string;
  siteId: number | null;
  role: MemberRole | null;
  status: MemberStatus;
}

const FETCH_LIMIT = 5000;
const emptyFilters = (): MemberFilters => ({ search: '', siteId: null, role: null, status: 'active' });

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function sortMembers(rows: readonly Member[], key: MemberSortKey, order: SortOrder): Member[] {
  const sign = order === 'ascend' ? 1 : -1;
  // Ties fall back to the member number so the order is stable across fetches.
  return [...rows].sort((a, b) => sign * collator.compare(a[key], b[key]) || collator.compare(a.memberNo, b.memberNo));
}

export const useMembersStore = defineStore('members', () => {
  const api = useApi();
  const list = useFilteredList<Member, MemberFilters>(emptyFilters, (filters) => api.call('members.list', { ...filters, limit: FETCH_LIMIT, offset: 0 }));
  const { filters, rows, total, loading, error, fetch } = list;
  const sortKey = ref<MemberSortKey>('fullName');
  const sortOrder = ref<SortOrder>('ascend');

  const sorted = computed(() => sortMembers(rows.value, sortKey.value, sortOrder.value));

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
    list.reset();
    sortKey.value = 'fullName';
    sortOrder.value = 'ascend';
  }

  return { filters, sortKey, sortOrder, rows, total, loading, error, sorted, fetch, setSort, replace, reset };
});
