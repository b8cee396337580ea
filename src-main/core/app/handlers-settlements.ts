// Channel → use case for settlements. Input is already validated and the role checked by the dispatcher.
import type { settlementsChannels } from '../../contract/settlements.js';
import type { AreaHandlers } from '../api/dispatcher.js';
import { reportCsv } from '../settlement/settlement-views.js';
import { actor, type HandlerHost } from './handlers.js';

export function settlementsHandlers(host: HandlerHost): AreaHandlers<keyof typeof settlementsChannels> {
  const s = () => host.services.settlements;
  const changed = <T extends { id: number; status: 'draft' | 'approved' | 'posted' }>(period: T): T => {
    host.events.emit('settlements.changed', { periodId: period.id, status: period.status });
    return period;
  };
  return {
    'settlements.list': (input) => s().service.list(input.siteId),
    'settlements.get': (input) => s().views.detail(input.id),
    'settlements.member': (input) => s().views.member(input.id, input.memberId),
    'settlements.run': async (input, ctx) => changed(await s().service.run(actor(ctx), input.siteId, input.from, input.to)),
    'settlements.approve': (input, ctx) => changed(s().service.approve(actor(ctx), input.id)),
    'settlements.reopen': (input, ctx) => changed(s().service.reopen(actor(ctx), input.id, input.reason)),
    'settlements.post': (input, ctx) => changed(s().service.post(actor(ctx), input.id)),
    'settlements.report': (input) => s().views.report(input.id),
    'settlements.reportCsv': (input) => reportCsv(s().views.report(input.id)),
  };
}
