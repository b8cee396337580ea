// Member card codes (format in contract/kiosk.ts): `K1.<member number>.<secret>.<check>`.
// Pure: making a code from a member number and a secret, reading one back, and the secret's hash.
// Crockford base32 (no I, L, O, U) so a code read aloud or typed by hand is not misread.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SECRET_CHARS = 16; // 80 bits
const PREFIX = 'K1';

export interface CardCodeParts {
  readonly memberNo: string;
  readonly secret: string;
}

/** 16 random Crockford base32 characters (80 bits). */
export function newCardSecret(): string {
  const bytes = randomBytes(SECRET_CHARS);
  // 256 is a multiple of 32: every byte maps to one character without bias.
  return Array.from(bytes, (b) => ALPHABET[b % 32]).join('');
}

function checkOf(memberNo: string, secret: string): string {
  const digest = createHash('sha256').update(`${PREFIX}.${memberNo.toUpperCase()}.${secret}`).digest();
  return `${ALPHABET[digest[0]! % 32]}${ALPHABET[digest[1]! % 32]}`;
}

export function makeCardCode(memberNo: string, secret: string): string {
  const no = memberNo.toUpperCase();
  return `${PREFIX}.${no}.${secret}.${checkOf(no, secret)}`;
}

/**
 * Reads a scanned or typed code: case-insensitive, Crockford's look-alikes (O→0, I/L→1) mapped.
 * Null when it is not a card code or its check does not match (a misread scan).
 */
export function parseCardCode(text: string): CardCodeParts | null {
  const parts = text.trim().toUpperCase().split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) return null;
  const [, memberNo, rawSecret, rawCheck] = parts as [string, string, string, string];
  const secret = normalize(rawSecret);
  const check = normalize(rawCheck);
  if (!/^[A-Z0-9][A-Z0-9-]*$/.test(memberNo) || secret.length !== SECRET_CHARS || check.length !== 2) return null;
  if (![...secret, ...check].every((c) => ALPHABET.includes(c))) return null;
  return checkOf(memberNo, secret) === check ? { memberNo, secret } : null;
}

const normalize = (s: string): string => s.replace(/O/g, '0').replace(/[IL]/g, '1');

export function hashCardSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function cardSecretMatches(storedHash: string, secret: string): boolean {
  const a = Buffer.from(storedHash, 'hex');
  const b = Buffer.from(hashCardSecret(secret), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
