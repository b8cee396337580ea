// Channel → use case for equipment, marketplace, agreements and tariffs. Input is already validated
// and the role checked by the dispatcher; each line picks the service call and the acting operator.
import type { agreementsChannels } from '../../contract/agreements.js';
import type { equipmentChannels } from '../../contract/equipment.js';
import type { marketChannels } from '../../contract/market.js';
import type { tariffsChannels } from '../../contract/tariffs.js';
import type { AreaHandlers } from '../api/dispatcher.js';
import { actor, type HandlerHost } from './handlers.js';

type MarketChannel = keyof typeof equipmentChannels | keyof typeof marketChannels | keyof typeof agreementsChannels | keyof typeof tariffsChannels;

export function marketHandlers(host: HandlerHost): AreaHandlers<MarketChannel> {
  const m = () => host.services.market;
  return {
    'equipment.list': (input) => m().equipment.list(input),
    'equipment.get': (input) => m().equipment.get(input.id),
    'equipment.create': (input, ctx) => m().equipment.create(actor(ctx), input),
    'equipment.update': (input, ctx) => m().equipment.update(actor(ctx), input.id, defined(input.changes), input.reason),
    'listings.list': (input) => m().marketplace.list(input),
    'listings.get': (input) => m().marketplace.get(input.id),
    'listings.create': (input, ctx) => m().marketplace.create(actor(ctx), input),
    'listings.update': (input, ctx) => m().marketplace.update(actor(ctx), input.id, defined(input.changes)),
    'listings.withdraw': (input, ctx) => m().marketplace.withdraw(actor(ctx), input.id, input.reason),
    'matching.suggest': (input) => m().marketplace.suggest(input),
    'matching.draftAgreement': (input, ctx) => m().marketplace.draftFromMatch(actor(ctx), input),
    'ratings.create': (input, ctx) => m().marketplace.rate(actor(ctx), input),
    'ratings.profile': (input) => m().marketplace.profile(input.memberId),
    'agreements.list': (input) => m().agreements.list(input),
    'agreements.get': (input) => m().agreements.get(input.id),
    'agreements.create': (input, ctx) => m().agreements.create(actor(ctx), input.title, input.terms),
    'agreements.updateTerms': (input, ctx) => m().agreements.updateTerms(actor(ctx), input.id, input.title, input.terms),
    'agreements.transition': (input, ctx) => m().agreements.transition(actor(ctx), input.id, input.action, input.reason),
    'agreements.sign': (input, ctx) => m().agreements.sign(actor(ctx), input.id, input.memberId, input.passphrase),
    'agreements.retryRegistration': (input, ctx) => m().agreements.retryRegistration(actor(ctx), input.id),
    'agreements.termsDocument': (input) => m().agreements.termsDocument(input.id, input.version),
    'agreements.proofPack': (input) => m().agreements.proofPack(input.id),
    'tariffs.plans.list': (input) => m().tariffs.listPlans(input.siteId),
    'tariffs.plans.get': (input) => m().tariffs.getPlan(input.id),
    'tariffs.plans.create': (input, ctx) => m().tariffs.createPlan(actor(ctx), input),
    'tariffs.versions.create': (input, ctx) => m().tariffs.createVersion(actor(ctx), input),
    'tariffs.versions.update': (input, ctx) => m().tariffs.updateVersion(actor(ctx), input),
    'tariffs.versions.withdraw': (input, ctx) => m().tariffs.withdrawVersion(actor(ctx), input.id, input.reason),
    'tariffs.inForce': (input) => m().tariffs.inForce(input.planId, input.at),
    'tariffs.preview': (input) => m().tariffs.preview(input),
  };
}

/** Drops keys that were not sent, so a partial edit never blanks a field. */
function defined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
