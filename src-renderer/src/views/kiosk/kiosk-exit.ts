// The desktop kiosk's exit (`npm start -- --kiosk`): the main process tells the page when the admin
// key combination was typed; the page asks for an admin's name and password and hands them back. The
// core checks them; the page only shows the answer. Absent in a browser (`serve --kiosk`).
export type KioskExitDecision = { readonly leave: true } | { readonly leave: false; readonly reason: 'wrong-password' | 'locked'; readonly lockedUntilMs: number | null };

export interface CoopKioskBridge {
  onExitRequested(listener: () => void): () => void;
  requestExit(username: string, password: string): Promise<unknown>;
}

export function kioskBridge(): CoopKioskBridge | null {
  const bridge = (window as { coopKiosk?: CoopKioskBridge }).coopKiosk;
  return bridge ?? null;
}

/** Reads the main process's answer; anything unexpected counts as a refusal. */
export function readExitDecision(value: unknown): KioskExitDecision {
  if (typeof value === 'object' && value !== null && (value as { leave?: unknown }).leave === true) return { leave: true };
  const reason = (value as { reason?: unknown } | null)?.reason === 'locked' ? 'locked' : 'wrong-password';
  const until = (value as { lockedUntilMs?: unknown } | null)?.lockedUntilMs;
  return { leave: false, reason, lockedUntilMs: typeof until === 'number' ? until : null };
}
