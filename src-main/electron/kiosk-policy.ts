// The desktop app as a members' kiosk (`npm start -- --kiosk`): what the window is, which key
// combination asks to leave, and the gate that lets it leave only with an admin's password (5 wrong
// passwords in a row lock the gate for 15 minutes, as operator sign-in does). Plain Node, no electron
// import, so the policy is unit-tested here while the shell itself cannot run.

/** Window options of the kiosk: fullscreen, frameless, no menu bar, not closable by the window manager. */
export const KIOSK_WINDOW_OPTIONS = {
  kiosk: true,
  fullscreen: true,
  frame: false,
  autoHideMenuBar: true,
  closable: false,
  minimizable: false,
  resizable: false,
} as const;

/** The route the kiosk window shows (the core answers the kiosk channels only). */
export const KIOSK_ROUTE = '#/kiosk';

/** `npm start -- --kiosk` (electron . --kiosk): the desktop app opens as the members' kiosk. */
export function isKioskLaunch(argv: readonly string[]): boolean {
  return argv.includes('--kiosk');
}

/** The kiosk window's URL: the app's own page on the kiosk route. */
export function kioskUrl(appEntry: string): string {
  return `${appEntry.split('#')[0]}${KIOSK_ROUTE}`;
}

/**
 * Whether the kiosk window may show `url`: the app's own page (same protocol, host and path) on the
 * kiosk route and nowhere else — not another route of the console, not another file or site.
 */
export function isKioskRouteUrl(url: string, appEntry: string): boolean {
  try {
    const target = new URL(url);
    const entry = new URL(appEntry);
    if (target.protocol !== entry.protocol || target.host !== entry.host || target.pathname !== entry.pathname) return false;
    return target.hash === KIOSK_ROUTE || target.hash.startsWith(`${KIOSK_ROUTE}?`) || target.hash.startsWith(`${KIOSK_ROUTE}/`);
  } catch {
    return false;
  }
}

/** IPC names between the kiosk window's preload and the main process. */
export const KIOSK_IPC = { exitRequested: 'kiosk:exit-requested', exit: 'kiosk:exit' } as const;

/** What the exit dialog sends; anything else from the page is refused before the core is asked. */
export function parseExitRequest(input: unknown): { username: string; password: string } | null {
  if (typeof input !== 'object' || input === null) return null;
  const { username, password } = input as Record<string, unknown>;
  if (typeof username !== 'string' || typeof password !== 'string') return null;
  if (username.trim().length === 0 || username.length > 64 || password.length === 0 || password.length > 256) return null;
  return { username: username.trim(), password };
}

export interface KeyInput {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
}

/** Ctrl+Alt+Shift+Q (an admin's combination; a member touching the screen cannot type it). */
export function isKioskExitCombination(input: KeyInput): boolean {
  return input.type === 'keyDown' && input.control && input.alt && input.shift && !input.meta && input.key.toLowerCase() === 'q';
}

/** Keys a kiosk swallows so a member's keyboard cannot reload, open devtools, print or navigate. */
export function isBlockedKioskKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  if (['f5', 'f11', 'f12', 'browserback', 'browserforward'].includes(key)) return true;
  if ((input.control || input.meta) && ['r', 'w', 'p', 'o', 'n', 't', 'l'].includes(key)) return true;
  if ((input.control || input.meta) && input.shift && key === 'i') return true;
  return input.alt && (key === 'arrowleft' || key === 'arrowright' || key === 'f4');
}

export const EXIT_MAX_FAILURES = 5;
export const EXIT_LOCK_MS = 15 * 60_000;

export type ExitDecision = { readonly leave: true } | { readonly leave: false; readonly reason: 'wrong-password' | 'locked'; readonly lockedUntilMs: number | null };

/**
 * Whether the kiosk may close: only when `isAdminPassword` (the core's check of an active admin's
 * Argon2id password) says yes. Wrong passwords count; the fifth in a row locks the gate.
 */
export class KioskExitGate {
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly isAdminPassword: (username: string, password: string) => Promise<boolean>,
    private readonly now: () => number = Date.now,
  ) {}

  async request(username: string, password: string): Promise<ExitDecision> {
    if (this.now() < this.lockedUntil) return { leave: false, reason: 'locked', lockedUntilMs: this.lockedUntil };
    if (await this.isAdminPassword(username, password)) {
      this.failures = 0;
      return { leave: true };
    }
    this.failures += 1;
    if (this.failures >= EXIT_MAX_FAILURES) {
      this.failures = 0;
      this.lockedUntil = this.now() + EXIT_LOCK_MS;
      return { leave: false, reason: 'locked', lockedUntilMs: this.lockedUntil };
    }
    return { leave: false, reason: 'wrong-password', lockedUntilMs: null };
  }
}
