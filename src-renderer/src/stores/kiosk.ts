// The members' kiosk: the signed-in member's token (kept in memory only: a reload or the idle
// sign-out forgets it), what the sign-in screen shows, and the member's own things. Calls go with the
// kiosk's own token (api.callWithToken), never the operator's session, and open no event stream.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { KioskAccount, KioskAgreement, KioskMember, KioskWelcome, MemberEnergy } from '@contract';
import { useApi } from '../api/index.js';
import { lastDays, today } from '../views/energy/period.js';

/** Days of energy a member sees: the last 30. */
export const KIOSK_ENERGY_DAYS = 30;
/** The kiosk signs out by itself after this long without a touch (the core ends the session after 3 min anyway). */
export const KIOSK_IDLE_MS = 90_000;

export const useKioskStore = defineStore('kiosk', () => {
  const api = useApi();
  const welcome = ref<KioskWelcome | null>(null);
  const token = ref<string | null>(null);
  const member = ref<KioskMember | null>(null);
  const agreements = shallowRef<readonly KioskAgreement[] | null>(null);
  const energy = shallowRef<MemberEnergy | null>(null);
  const account = ref<KioskAccount | null>(null);
  const error = ref<unknown>(null);

  async function loadWelcome(): Promise<KioskWelcome> {
    welcome.value ??= await api.callWithToken(null, 'kiosk.welcome', {});
    return welcome.value;
  }

  async function signIn(input: { method: 'pin'; memberNo: string; pin: string } | { method: 'card'; code: string }) {
    const session = await api.callWithToken(null, 'kiosk.signIn', input);
    token.value = session.token;
    member.value = session.member;
  }

  /** Loads the member's things; an ended session (UNAUTHENTICATED) clears the screen. */
  async function loadAll() {
    const own = token.value;
    if (!own) return;
    try {
      const range = lastDays(today(), KIOSK_ENERGY_DAYS);
      const [nextAgreements, nextEnergy, nextAccount] = await Promise.all([
        api.callWithToken(own, 'kiosk.agreements', {}),
        api.callWithToken(own, 'kiosk.energy', range),
        api.callWithToken(own, 'kiosk.account', {}),
      ]);
      if (own !== token.value) return;
      agreements.value = nextAgreements;
      energy.value = nextEnergy;
      account.value = nextAccount;
      error.value = null;
    } catch (err) {
      if (own !== token.value) return;
      if ((err as { code?: string }).code === 'UNAUTHENTICATED') clear();
      else error.value = err;
    }
  }

  /** Keeps the core's session alive while the member is touching the screen. */
  async function touch() {
    if (!token.value) return;
    try {
      await api.callWithToken(token.value, 'kiosk.me', {});
    } catch {
      clear();
    }
  }

  /** Ends the session at the core and wipes everything the member saw. */
  async function signOut() {
    const own = token.value;
    clear();
    if (own) await api.callWithToken(own, 'kiosk.signOut', {}).catch(() => undefined);
  }

  function clear() {
    token.value = null;
    member.value = null;
    agreements.value = null;
    energy.value = null;
    account.value = null;
    error.value = null;
  }

  return { welcome, token, member, agreements, energy, account, error, loadWelcome, signIn, loadAll, touch, signOut, clear };
});
