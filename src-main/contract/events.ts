// Push events from the core to every connected renderer (IPC send, or WebSocket message).

/** Stable keys of job progress steps: the renderer translates them; `label` stays as the English fallback. */
export const JOB_PROGRESS_CODES = [
  'demo.sites', 'demo.members', 'demo.equipment', 'demo.listings', 'demo.tariffs', 'demo.agreements', 'demo.ready',
  // The demo village's energy (src-main/core/demo): meters, signed readings, flows.
  'demo.generators', 'demo.sales', 'demo.meters', 'demo.readings', 'demo.flows',
] as const;
export type JobProgressCode = (typeof JOB_PROGRESS_CODES)[number];

export interface ApiEvents {
  /** Members or sites changed; views refetch. */
  'members.changed': { readonly reason: string };
  /** A long job advanced (import, demo load, restore …). */
  'job.progress': { readonly job: string; readonly done: number; readonly total: number; readonly label: string; readonly code?: JobProgressCode };
  /** The database was replaced by a restore; every view reloads. */
  'database.restored': { readonly fileName: string };
  /** A provisioning run advanced (step, attestation check, finish): the whole run, small. */
  'meters.provisioning': import('./meters.js').ProvisioningRun;
  /** Meters, readings or the trust store changed; views refetch. */
  'meters.changed': { readonly reason: string; readonly meterId: number | null };
  /** A stock Modbus meter was polled (sample) or failed to answer (error). */
  'meters.modbus.polled': { readonly modbusMeterId: number; readonly sample: import('./meters.js').ModbusSampleView | null; readonly error: string | null };
  /** The chain's node, connection, keystore, set-up or choice changed (coalesced; the whole status, small). */
  'chain.status': import('./chain.js').ChainStatusView;
  /** A new block (at most one event per second). */
  'chain.head': import('./chain.js').ChainHeadView;
  /** Outbox rows changed (coalesced over a quarter second), with the counts after the change. */
  'chain.outbox': { readonly rows: readonly import('./chain.js').OutboxRowView[]; readonly counts: Readonly<Record<import('./chain.js').OutboxStatus, number>> };
  /** A transaction advanced (queued → broadcast → inBlock → finalized | failed | dropped). */
  'chain.tx': import('./chain.js').ChainTxView;
  /** A flows recompute advanced or finished (the whole state, small; at most ~4 per second). */
  'energy.recompute': import('./energy.js').RecomputeState;
  /** Stored flows, keys or preferences of a site changed over [from, to] (local dates); views refetch. */
  'energy.changed': { readonly siteId: number; readonly from: string; readonly to: string; readonly reason: string };
  /** A network sync of this field laptop advanced (writing the report → sending → office checked → reading the pack → done). */
  'fieldSync.progress': import('./field-sync-lan.js').LanSyncProgress;
  /** A settlement run advanced (reading → computing → writing → done). */
  'settlements.progress': import('./settlements.js').SettlementProgress;
  /** Printing all statements of a period: statements done of total. */
  'statements.progress': { readonly periodId: number; readonly done: number; readonly total: number };
  /** A settlement period was computed, approved, reopened or posted; views refetch. */
  'settlements.changed': { readonly periodId: number; readonly status: import('./settlements.js').SettlementStatus };
}
export type EventName = keyof ApiEvents;
export interface EventMessage<E extends EventName = EventName> {
  readonly event: E;
  readonly payload: ApiEvents[E];
}
