// Channel → use case for prepaid/postpaid billing (core/billing). Input validated and roles checked
// by the dispatcher.
import type { billingChannels } from '../../contract/billing.js';
import type { AreaHandlers } from '../api/dispatcher.js';
import { actor, type HandlerHost } from './handlers.js';

export function billingHandlers(host: HandlerHost): AreaHandlers<keyof typeof billingChannels> {
  const b = () => host.services.billing;
  return {
    'billing.overview': (input) => b().overview(input.siteId),
    'billing.mode.set': (input, ctx) => b().setMode(actor(ctx), input.memberId, input.mode, input.validFrom),
    'billing.threshold.set': (input, ctx) => {
      b().setThreshold(actor(ctx), input.planId, input.lowBalanceMinor);
      return { saved: true as const };
    },
    'billing.overdue': (input) => b().overdue(input.siteId),
    'billing.reminders.export': (input, ctx) => b().remindersExport(actor(ctx), input.siteId),
    'billing.switches.list': (input) => b().relayProposals(input.status),
    'billing.switches.refresh': () => b().refreshRelayProposals(),
    'billing.switches.confirm': (input, ctx) => b().confirmRelay(actor(ctx), input.id, input.portPath),
    'billing.switches.dismiss': (input, ctx) => {
      b().dismissRelay(actor(ctx), input.id, input.reason);
      return { dismissed: true as const };
    },
    'billing.drawdown.run': () => b().runDrawdown((done, total) => host.events.emit('job.progress', { job: 'billing.drawdown', done, total, label: 'Drawing prepaid credit down' })),
  };
}
