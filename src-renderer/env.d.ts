/// <reference types="vite/client" />
import type { ApiResponse, EventMessage } from '@contract';

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

declare global {
  /** Exposed by the Electron preload (contextBridge); absent in a browser. */
  interface CoopIpc {
    invoke(channel: string, token: string | null, input: unknown): Promise<ApiResponse<unknown>>;
    onEvent(listener: (msg: EventMessage) => void): () => void;
  }
  interface Window {
    coopIpc?: CoopIpc;
  }
}
