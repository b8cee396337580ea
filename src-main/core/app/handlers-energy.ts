// Channel → use case for energy flows, allocation keys, source preferences, recompute and audit.
// Input is already validated and the role checked by the dispatcher.
import type { energyChannels } from '../../contract/energy.js';
import type { AreaHandlers } from '../api/dispatcher.js';
import { actor, type HandlerHost } from './handlers.js';

export function energyHandlers(host: HandlerHost): AreaHandlers<keyof typeof energyChannels> {
  const e = () => host.services.energy;
  return {
    'energy.series': (input) => e().series(input.siteId, input.from, input.to, input.bucket),
    'energy.flows': (input) => e().flows(input.siteId, input.from, input.to, input.maxMembers),
    'energy.kpis': (input) => e().kpis(input.siteId, input.from, input.to),
    'energy.member': (input) => e().member(input.memberId, input.from, input.to),
    'energy.keys.list': (input) => e().keys.list(input.siteId),
    'energy.keys.create': (input, ctx) => e().keys.create(actor(ctx), input),
    'energy.keys.previewCsv': (input) => e().keys.previewCsv(input.siteId, input.csv),
    'energy.keys.previewAllocation': (input) => e().keys.previewAllocation(input.siteId, input.definition, input.weekEnding),
    'energy.preferences.get': (input) => e().preference(input.memberId),
    'energy.preferences.set': (input, ctx) => e().setPreference(actor(ctx), input.memberId, input.order),
    'energy.recompute.start': (input) => e().startRecompute(input.siteId, input.month),
    'energy.recompute.state': (input) => e().recomputeState(input.siteId),
    'energy.audit': (input) => e().audit(input.siteId, input.from, input.to),
  };
}
