// Who is signed in. The token lives here and in sessionStorage, so a reload keeps the operator
// signed in while closing the window signs them out.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { OperatorPublic, OperatorRole, SessionInfo } from '@contract';
import { useApi } from '../api/index.js';
import { storage } from './storage.js';

const TOKEN_KEY = 'coop.session';

export type SignOutReason = 'signed-out' | 'expired';

export const useSessionStore = defineStore('session', () => {
  const api = useApi();
  const token = ref<string | null>(storage.session.getItem(TOKEN_KEY));
  const operator = ref<OperatorPublic | null>(null);
  const expiresAt = ref<string | null>(null);
  /** Why the last session ended; the login page explains it once. */
  const endReason = ref<SignOutReason | null>(null);

  const signedIn = computed(() => token.value !== null && operator.value !== null);
  const role = computed<OperatorRole | null>(() => operator.value?.role ?? null);

  api.setToken(token.value);

  function adopt(info: SessionInfo) {
    token.value = info.token;
    operator.value = info.operator;
    expiresAt.value = info.expiresAt;
    endReason.value = null;
    storage.session.setItem(TOKEN_KEY, info.token);
    api.setToken(info.token);
  }

  function clear(reason: SignOutReason) {
    token.value = null;
    operator.value = null;
    expiresAt.value = null;
    endReason.value = reason;
    storage.session.removeItem(TOKEN_KEY);
    api.setToken(null);
  }

  /** After a reload: checks the saved token with the core. Returns whether it is still valid. */
  async function restore(): Promise<boolean> {
    if (operator.value) return true;
    if (!token.value) return false;
    try {
      adopt(await api.call('session.current', {}));
      return true;
    } catch {
      clear('expired');
      return false;
    }
  }

  async function login(username: string, password: string) {
    adopt(await api.call('session.login', { username, password }));
  }

  async function logout() {
    try {
      if (token.value) await api.call('session.logout', {});
    } finally {
      clear('signed-out');
    }
  }

  function hasRole(roles: readonly OperatorRole[]): boolean {
    return role.value !== null && roles.includes(role.value);
  }

  return { token, operator, expiresAt, endReason, signedIn, role, adopt, clear, restore, login, logout, hasRole };
});
