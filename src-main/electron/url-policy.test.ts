import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl } from './url-policy.js';

const ENTRY = 'file:///opt/Coop%20Console/resources/app/out/renderer/index.html';

describe('window URL policy', () => {
  it('keeps the window on the console page, whatever the hash route', () => {
    expect(isAppUrl(`${ENTRY}#/members/12`, ENTRY)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', ENTRY)).toBe(false);
    expect(isAppUrl('https://example.org/index.html', ENTRY)).toBe(false);
    expect(isAppUrl('not a url', ENTRY)).toBe(false);
  });

  it('opens only plain http(s) links outside', () => {
    expect(isSafeExternalUrl('https://www.openstreetmap.org/#map=15/-0.5/37.1')).toBe(true);
    expect(isSafeExternalUrl('file:///home/user/.ssh/id_rsa')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('smb://share/x')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@example.org/')).toBe(false);
  });
});
