// Which URLs the window may show and which links may open outside it. Pure functions, kept apart
// from security.ts so they can be tested without Electron's binary.

export function isAppUrl(url: string, appEntry: string): boolean {
  try {
    const target = new URL(url);
    const entry = new URL(appEntry);
    return target.protocol === entry.protocol && target.host === entry.host && target.pathname === entry.pathname;
  } catch {
    return false;
  }
}

export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
