// One member's energy over a period (default: the last 30 days) and their source preference.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { EnergySource, MemberEnergy, SourcePreference } from '@contract';
import { useApi } from '../api/index.js';
import { lastDays, today } from '../views/energy/period.js';

export const MEMBER_DAYS = 30;

export const useMemberEnergyStore = defineStore('memberEnergy', () => {
  const api = useApi();
  const memberId = ref<number | null>(null);
  const range = ref(lastDays(today(), MEMBER_DAYS));
  const energy = shallowRef<MemberEnergy | null>(null);
  const preference = ref<SourcePreference | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  let request = 0;

  async function load(member: number, next: { from: string; to: string } = range.value) {
    const mine = ++request;
    if (memberId.value !== member) {
      energy.value = null;
      preference.value = null;
    }
    memberId.value = member;
    range.value = next;
    loading.value = true;
    try {
      const [nextEnergy, nextPreference] = await Promise.all([
        api.call('energy.member', { memberId: member, from: next.from, to: next.to }),
        api.call('energy.preferences.get', { memberId: member }),
      ]);
      if (mine !== request) return;
      energy.value = nextEnergy;
      preference.value = nextPreference;
      error.value = null;
    } catch (err) {
      if (mine === request) error.value = err;
    } finally {
      if (mine === request) loading.value = false;
    }
  }

  async function setPreference(order: readonly EnergySource[]) {
    if (memberId.value === null) throw new Error('No member open');
    preference.value = await api.call('energy.preferences.set', { memberId: memberId.value, order: [...order] });
    return preference.value;
  }

  return { memberId, range, energy, preference, loading, error, load, setPreference };
});
