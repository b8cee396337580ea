// Channel → use case for payments. Input is already validated and the role checked by the dispatcher.
import type { paymentsChannels } from '../../contract/payments.js';
import type { AreaHandlers } from '../api/dispatcher.js';
import { actor, type HandlerHost } from './handlers.js';

export function paymentsHandlers(host: HandlerHost): AreaHandlers<keyof typeof paymentsChannels> {
  const p = () => host.services.payments;
  return {
    'payments.list': (input) => p().payments.list(input),
    'payments.get': (input) => p().payments.get(input.id),
    'payments.credit': (input) => p().credit.view(input.memberId),
    'payments.preview': (input) => p().payments.preview(input.memberId, input.amountMinor, input.receivedOn),
    'payments.record': (input, ctx) => p().payments.record(actor(ctx), input),
    'payments.reverse': (input, ctx) => p().payments.reverse(actor(ctx), input.id, input.reason),
    'payments.receipt': (input) => p().payments.receipt(input.id, host.services.cooperative.get()?.name ?? ''),
    'payments.statementPreview': (input) => p().statements.preview(input.csv),
    'payments.statementImport': (input, ctx) => p().statements.commit(actor(ctx), input.csv, input.fileName),
    'payments.resolveSuspense': (input, ctx) => p().payments.resolveSuspense(actor(ctx), input.id, input.memberId),
  };
}
