// Green tokens as the console shows them: the token policy versions, a preview of a policy on the
// last posted period, saving a version, and a member's tokens with redemption. The same store
// serves the operator (a member named by id) and the members' kiosk (the session's own member:
// the core takes the member from the kiosk session, the kiosk never names one).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MemberTokens, TokenPoliciesView, TokenPolicyData, TokenPolicyPreview, TokenPolicyVersionView, TokenRedemptionResult } from '@contract';
import { useApi } from '../api/index.js';
import { useKioskStore } from './kiosk.js';

/** Whose tokens a card shows: a member named by an operator, or the member signed in at the kiosk. */
export type TokenHolder = { readonly kind: 'member'; readonly memberId: number } | { readonly kind: 'kiosk' };

export const useTokensStore = defineStore('tokens', () => {
  const api = useApi();
  const policies = ref<TokenPoliciesView | null>(null);
  // The kiosk's calls go with the member's kiosk token (never an operator session): see stores/kiosk.ts.
  const kiosk = useKioskStore();

  async function loadPolicies(): Promise<TokenPoliciesView> {
    policies.value = await api.call('tokens.policies', {});
    return policies.value;
  }
  function preview(policy: TokenPolicyData): Promise<TokenPolicyPreview> {
    return api.call('tokens.previewPolicy', { policy });
  }
  async function savePolicy(validFrom: string, policy: TokenPolicyData, notes: string): Promise<TokenPolicyVersionView> {
    const saved = await api.call('tokens.savePolicy', { validFrom, policy, notes });
    await loadPolicies();
    return saved;
  }
  function holderTokens(holder: TokenHolder): Promise<MemberTokens> {
    return holder.kind === 'kiosk' ? api.callWithToken(kiosk.token, 'tokens.mine', {}) : api.call('tokens.member', { memberId: holder.memberId });
  }
  function redeem(holder: TokenHolder, tokens: number, kind: 'credit' | 'cash-out'): Promise<TokenRedemptionResult> {
    return holder.kind === 'kiosk' ? api.callWithToken(kiosk.token, 'tokens.redeemMine', { tokens }) : api.call('tokens.redeem', { memberId: holder.memberId, tokens, kind });
  }
  return { policies, loadPolicies, preview, savePolicy, holderTokens, redeem };
});
