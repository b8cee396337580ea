// The kiosk's automatic sign-out: after `ms` without a touch, a click, a key or a wheel, `onIdle`
// runs. Touches also keep the core's session alive, at most once per `keepAliveMs`.
export function startIdleTimer(options: { ms: number; onIdle: () => void; onActivity?: () => void; keepAliveMs?: number; target?: EventTarget }): () => void {
  const target = options.target ?? window;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastKeepAlive = Date.now();
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(options.onIdle, options.ms);
  };
  const activity = () => {
    arm();
    if (options.onActivity && Date.now() - lastKeepAlive >= (options.keepAliveMs ?? 30_000)) {
      lastKeepAlive = Date.now();
      options.onActivity();
    }
  };
  const events = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;
  for (const name of events) target.addEventListener(name, activity, { passive: true, capture: true });
  arm();
  return () => {
    if (timer) clearTimeout(timer);
    for (const name of events) target.removeEventListener(name, activity, { capture: true });
  };
}
