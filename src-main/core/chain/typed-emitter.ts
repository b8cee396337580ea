// A tiny typed event emitter: one event map types both `on` and `emit`, so a listener can never
// subscribe to an event name or payload that does not exist.
import { EventEmitter } from 'node:events';

export type EventMap = Record<string, unknown>;

export class TypedEmitter<Events extends EventMap> {
  readonly #emitter = new EventEmitter();

  on<K extends keyof Events & string>(event: K, listener: (payload: Events[K]) => void): () => void {
    this.#emitter.on(event, listener);
    return () => this.#emitter.off(event, listener);
  }

  once<K extends keyof Events & string>(event: K, listener: (payload: Events[K]) => void): () => void {
    this.#emitter.once(event, listener);
    return () => this.#emitter.off(event, listener);
  }

  emit<K extends keyof Events & string>(event: K, payload: Events[K]): void {
    // A throwing listener (e.g. a closed window) must never break the chain layer.
    for (const listener of this.#emitter.listeners(event)) {
      try {
        (listener as (p: Events[K]) => void)(payload);
      } catch {
        /* listener errors are the listener's problem */
      }
    }
  }

  removeAll(): void {
    this.#emitter.removeAllListeners();
  }
}
