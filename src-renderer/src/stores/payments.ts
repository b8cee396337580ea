// Payments: the recent list and the suspense list, refreshed after each booking; the calls of the
// Payments area (take, preview split, reverse, receipt, statement preview/import, resolve).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { InputOf, PaymentView, StatementImportResult, StatementPreview } from '@contract';
import { useApi } from '../api/index.js';

export const usePaymentsStore = defineStore('payments', () => {
  const api = useApi();
  const recent = ref<readonly PaymentView[]>([]);
  const suspense = ref<readonly PaymentView[]>([]);
  const loading = ref(false);
  const error = ref<unknown>(null);

  async function load() {
    loading.value = true;
    try {
      [recent.value, suspense.value] = await Promise.all([api.call('payments.list', { limit: 100 }), api.call('payments.list', { status: 'suspense', limit: 500 })]);
      error.value = null;
    } catch (e) {
      error.value = e;
    } finally {
      loading.value = false;
    }
  }
  async function record(input: InputOf<'payments.record'>): Promise<PaymentView> {
    const payment = await api.call('payments.record', input);
    recent.value = [payment, ...recent.value.filter((p) => p.id !== payment.id)];
    return payment;
  }
  const preview = (input: InputOf<'payments.preview'>) => api.call('payments.preview', input);
  async function reverse(id: number, reason: string): Promise<PaymentView> {
    const payment = await api.call('payments.reverse', { id, reason });
    await load();
    return payment;
  }
  const receipt = (id: number) => api.call('payments.receipt', { id });
  /** A member's credit paid ahead and where it was applied (the Account tab). */
  const memberCredit = (memberId: number) => api.call('payments.credit', { memberId });
  const previewStatement = (csv: string): Promise<StatementPreview> => api.call('payments.statementPreview', { csv });
  async function importStatement(csv: string, fileName: string): Promise<StatementImportResult> {
    const result = await api.call('payments.statementImport', { csv, fileName });
    await load();
    return result;
  }
  async function resolve(id: number, memberId: number): Promise<PaymentView> {
    const payment = await api.call('payments.resolveSuspense', { id, memberId });
    await load();
    return payment;
  }

  return { recent, suspense, loading, error, load, record, preview, reverse, receipt, memberCredit, previewStatement, importStatement, resolve };
});
