// The window's single API instance, over whichever carrier this window has.
import { createApi, type Api } from './bridge.js';
import { detectCarrier } from './carriers.js';

let instance: Api | null = null;

export function useApi(): Api {
  instance ??= createApi(detectCarrier());
  return instance;
}

/** Tests and special hosts may supply their own instance before the app starts. */
export function provideApi(api: Api): void {
  instance = api;
}

export { ApiError, isApiError } from './api-error.js';
export type { Api } from './bridge.js';
