// Tokens pasted as text: the RFC prints its example as hex folded over several lines; the count of
// line breaks must not decide between hex and base64.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenFromFileBytes, TokenTextError } from './token-text.js';

const RFC_HEX = readFileSync(join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'psa-tokens', 'rfc9783-sign1.hex'), 'utf8');
const hex = RFC_HEX.replace(/\s+/g, '');
const bytes = new Uint8Array(Buffer.from(hex, 'hex'));
const fold = (text: string, width: number, eol = '\n', indent = ''): string => text.match(new RegExp(`.{1,${width}}`, 'g'))!.map((l) => indent + l).join(eol);
const read = (text: string): Uint8Array => tokenFromFileBytes(new Uint8Array(Buffer.from(text, 'latin1')));

describe('token text', () => {
  it('reads hex however it is folded: odd or even line breaks, CRLF, indentation, trailing newline', () => {
    for (const width of [60, 64, 72, 61]) {
      for (const eol of ['\n', '\r\n']) {
        const text = fold(hex, width, eol, '   ') + eol;
        expect(read(text), `width ${width}`).toEqual(bytes);
      }
    }
    // The case that used to be read as base64: an odd number of line breaks, so of characters.
    const width = [64, 60, 72].find((w) => Math.ceil(hex.length / w) % 2 === 0)!;
    const odd = fold(hex, width);
    expect(odd.length % 2).toBe(1);
    expect(read(odd)).toEqual(bytes);
    expect(read(RFC_HEX)).toEqual(bytes);
    expect(read(`0x${hex.toUpperCase()}`)).toEqual(bytes);
  });

  it('reads base64 and base64url, folded or not, and raw CBOR as is', () => {
    const b64 = Buffer.from(bytes).toString('base64');
    expect(read(fold(b64, 76))).toEqual(bytes);
    expect(read(Buffer.from(bytes).toString('base64url'))).toEqual(bytes);
    expect(tokenFromFileBytes(bytes)).toEqual(bytes);
  });

  it('says what is wrong with text that is neither', () => {
    expect(() => read(hex.slice(0, -1))).toThrow(`odd number of digits (${hex.length - 1})`);
    expect(() => read('  \n ')).toThrow(TokenTextError);
    expect(() => read('not a token!')).toThrow(/neither hex nor base64/);
  });
});
