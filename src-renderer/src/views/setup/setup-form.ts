// State and checks of the first-run wizard, kept apart from its template.
import { reactive } from 'vue';
import type { InputOf } from '@contract';

export interface SetupForm {
  name: string;
  currency: string;
  timezone: string;
  locale: 'en' | 'fr';
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

export const MIN_PASSWORD = 10;

export function guessTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : ['UTC'];
}

export function newSetupForm(locale: 'en' | 'fr'): SetupForm {
  return reactive({ name: '', currency: 'EUR', timezone: guessTimeZone(), locale, username: 'admin', displayName: '', password: '', confirm: '' });
}

/** Field → translation key of the problem, for checks the browser can do before asking the core. */
export function checkCooperative(form: SetupForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.name.trim()) errors.name = 'setup.required';
  if (!/^[A-Z]{3}$/.test(form.currency)) errors.currency = 'setup.currencyFormat';
  if (!form.timezone) errors.timezone = 'setup.required';
  return errors;
}

export function checkAdmin(form: SetupForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.username.trim()) errors.username = 'setup.required';
  if (!form.displayName.trim()) errors.displayName = 'setup.required';
  if (form.password.length < MIN_PASSWORD) errors.password = 'setup.passwordShort';
  if (form.confirm !== form.password) errors.confirm = 'setup.passwordMismatch';
  return errors;
}

export function initializeInput(form: SetupForm): InputOf<'setup.initialize'> {
  return {
    cooperative: { name: form.name.trim(), currency: form.currency, timezone: form.timezone, locale: form.locale },
    admin: { username: form.username.trim(), displayName: form.displayName.trim(), password: form.password },
  };
}

/** Core issue paths ("admin.password") → wizard field names ("password") and the step they are on. */
export function mapIssuePath(path: string): { field: string; step: 1 | 2 } {
  const [group, field = ''] = path.split('.');
  return { field, step: group === 'cooperative' ? 1 : 2 };
}
