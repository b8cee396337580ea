// Push events from the core to every connected renderer (IPC send, or WebSocket message).
export interface ApiEvents {
  /** Members or sites changed; views refetch. */
  'members.changed': { readonly reason: string };
  /** A long job advanced (import, demo load, restore …). */
  'job.progress': { readonly job: string; readonly done: number; readonly total: number; readonly label: string };
  /** The database was replaced by a restore; every view reloads. */
  'database.restored': { readonly fileName: string };
}
export type EventName = keyof ApiEvents;
export interface EventMessage<E extends EventName = EventName> {
  readonly event: E;
  readonly payload: ApiEvents[E];
}
