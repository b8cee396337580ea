// The cooperative's books as the console shows them: the last integrity check (kept here so the
// layout's banner shows a failure on every page), a member's account, the cooperative's accounts
// and reversing an entry.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { CooperativeAccountsView, JournalIntegrityStatus, MemberJournalView } from '@contract';
import { useApi } from '../api/index.js';

export const useJournalStore = defineStore('journal', () => {
  const api = useApi();
  const integrity = ref<JournalIntegrityStatus | null>(null);
  /** True only when a check ran and found the books wrong (or could not run): never hidden. */
  const integrityFailed = computed(() => integrity.value !== null && !integrity.value.report.ok);

  async function loadIntegrity(): Promise<JournalIntegrityStatus> {
    integrity.value = await api.call('journal.integrity.status', {});
    return integrity.value;
  }
  async function checkIntegrity(): Promise<JournalIntegrityStatus> {
    integrity.value = await api.call('journal.integrity.check', {});
    return integrity.value;
  }
  function memberAccount(memberId: number, page: { limit: number; offset: number }): Promise<MemberJournalView> {
    return api.call('journal.member.account', { memberId, ...page });
  }
  function cooperativeAccounts(): Promise<CooperativeAccountsView> {
    return api.call('journal.accounts.balances', {});
  }
  function reverse(entryId: number, reason: string): Promise<{ reversalEntryId: number }> {
    return api.call('journal.entries.reverse', { entryId, reason });
  }

  return { integrity, integrityFailed, loadIntegrity, checkIntegrity, memberAccount, cooperativeAccounts, reverse };
});
