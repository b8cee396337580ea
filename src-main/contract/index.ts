// The one API contract. Carriers and the renderer bridge are derived from `contract`;
// the renderer may only `import type` from this folder (checked by a unit test).
import type { z } from 'zod';
import type { ChannelDef } from './define.js';
import { auditChannels } from './audit.js';
import { membersChannels } from './members.js';
import { sessionChannels } from './session.js';
import { systemChannels } from './system.js';
import { equipmentChannels } from './equipment.js';
import { marketChannels } from './market.js';
import { agreementsChannels } from './agreements.js';
import { tariffsChannels } from './tariffs.js';
import { metersChannels } from './meters.js';
import { chainChannels } from './chain.js';
import { memberAccountsChannels } from './member-accounts.js';
import { energyChannels } from './energy.js';
import { fieldSyncChannels } from './field-sync.js';
import { fieldSyncLanChannels } from './field-sync-lan.js';
import { paymentsChannels } from './payments.js';
import { journalChannels } from './journal.js';
import { billingChannels } from './billing.js';
import { kioskChannels } from './kiosk.js';
import { settlementsChannels } from './settlements.js';
import { statementsChannels } from './statements.js';
import { tokensChannels } from './tokens.js';

export const contract = {
  ...sessionChannels,
  ...membersChannels,
  ...auditChannels,
  ...systemChannels,
  ...equipmentChannels,
  ...marketChannels,
  ...agreementsChannels,
  ...tariffsChannels,
  ...metersChannels,
  ...chainChannels,
  ...memberAccountsChannels,
  ...energyChannels,
  ...fieldSyncChannels,
  ...fieldSyncLanChannels,
  ...paymentsChannels,
  ...journalChannels,
  ...billingChannels,
  ...kioskChannels,
  ...settlementsChannels,
  ...statementsChannels,
  ...tokensChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ResultOf<C extends ChannelName> = Contract[C] extends ChannelDef<z.ZodType, infer O> ? O : never;

/** The channels a members' kiosk uses (the only ones a kiosk-only core answers). */
export function isKioskChannel(name: ChannelName): boolean {
  return (contract[name] as ChannelDef<z.ZodType, unknown>).kiosk === true;
}

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export * from './define.js';
export * from './errors.js';
export * from './issues.js';
export type * from './events.js';
export * from './common.js';
export * from './members.js';
export * from './session.js';
export * from './system.js';
export * from './audit.js';
export * from './audit-summaries.js';
export * from './equipment.js';
export * from './market.js';
export * from './agreements.js';
export * from './tariffs.js';
export * from './meters.js';
export * from './member-accounts.js';
export * from './chain.js';
export * from './energy.js';
export * from './field-sync.js';
export * from './field-sync-lan.js';
export * from './payments.js';
export * from './journal.js';
export * from './billing.js';
export * from './kiosk.js';
export * from './settlements.js';
export * from './statements.js';
export * from './tokens.js';
