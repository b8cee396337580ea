// How a token reaches a technician: raw CBOR from the meter, or text pasted from a document or a
// log — hex (RFC 9783 prints its examples as hex folded over several lines) or base64.
export class TokenTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenTextError';
  }
}

/**
 * Token file bytes → token bytes. Hex or base64 text is recognised after removing all whitespace
 * (a hex token folded over an odd number of lines has an even number of digits but not of
 * characters); bytes that are not printable text are taken as raw CBOR (a COSE_Sign1 starts with
 * 0xd2, or 0x84 untagged, neither of which is printable).
 */
export function tokenFromFileBytes(raw: Uint8Array): Uint8Array {
  const text = Buffer.from(raw).toString('latin1');
  if (!/^[\x20-\x7e\s]*$/.test(text)) return raw;
  const compact = text.replace(/\s+/g, '').replace(/^0x/i, '');
  if (compact.length === 0) throw new TokenTextError('the token file is empty');
  if (/^[0-9a-fA-F]+$/.test(compact)) {
    if (compact.length % 2 !== 0) throw new TokenTextError(`the token looks like hex but has an odd number of digits (${compact.length}): is it cut short?`);
    return new Uint8Array(Buffer.from(compact, 'hex'));
  }
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return new Uint8Array(Buffer.from(compact, 'base64'));
  if (/^[A-Za-z0-9_-]+={0,2}$/.test(compact)) return new Uint8Array(Buffer.from(compact, 'base64url'));
  throw new TokenTextError('the token file is text, but neither hex nor base64');
}
