// Member choices for pickers (owner, host, parties): active members fetched once per screen visit
// and shared by every picker on it, labelled "Name (M-0001)".
import { computed, ref } from 'vue';
import type { Member } from '@contract';
import { useApi } from '../../api/index.js';

const members = ref<readonly Member[]>([]);
let pending: Promise<void> | null = null;

export function useMemberOptions() {
  const api = useApi();
  async function load(force = false) {
    if (pending && !force) return pending;
    pending = api
      .call('members.list', { status: 'active', limit: 5000 })
      .then((page) => {
        members.value = page.rows;
      })
      .catch((err: unknown) => {
        pending = null;
        throw err;
      });
    return pending;
  }
  const options = computed(() => members.value.map((m) => ({ label: `${m.fullName} (${m.memberNo})`, value: m.id })));
  const nameOf = (id: number | null | undefined) => members.value.find((m) => m.id === id)?.fullName ?? (id ? `#${id}` : '—');
  return { members, options, load, nameOf };
}
