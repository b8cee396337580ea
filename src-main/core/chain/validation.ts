// Validation at the service boundary: addresses (SS58 with a valid checksum) and amounts
// (whole minor units as integers — never floats), with messages that say how to fix the input.
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { ChainError } from './errors.js';

const U128_MAX = (1n << 128n) - 1n;

/** Returns the address re-encoded with `ss58Format`; throws CHAIN_INVALID_ADDRESS otherwise. */
export function parseAddress(input: unknown, field = 'address', ss58Format = 42): string {
  if (typeof input !== 'string' || input.trim() === '') {
    throw new ChainError('CHAIN_INVALID_ADDRESS', `The ${field} is missing; paste the account address (it starts with 5… on this chain).`, { field });
  }
  const text = input.trim();
  if (/^0x/i.test(text)) {
    throw new ChainError('CHAIN_INVALID_ADDRESS', `The ${field} "${text}" is a hex key, not an account address; use the SS58 address.`, { field });
  }
  try {
    return encodeAddress(decodeAddress(text), ss58Format);
  } catch {
    throw new ChainError('CHAIN_INVALID_ADDRESS', `The ${field} "${text}" is not a valid account address (wrong length or checksum). Copy it again from the member's card.`, { field });
  }
}

/** Parses an amount in minor units (bigint, safe integer or a string of digits); > 0 unless allowZero. */
export function parseAmount(input: unknown, field = 'amount', options: { readonly allowZero?: boolean } = {}): bigint {
  let value: bigint;
  if (typeof input === 'bigint') value = input;
  else if (typeof input === 'number') {
    if (!Number.isSafeInteger(input)) {
      throw new ChainError('CHAIN_INVALID_AMOUNT', `The ${field} ${input} is not a whole number of minor units (no decimals; use the smallest unit).`, { field });
    }
    value = BigInt(input);
  } else if (typeof input === 'string' && /^\d{1,39}$/.test(input.trim())) value = BigInt(input.trim());
  else {
    throw new ChainError('CHAIN_INVALID_AMOUNT', `The ${field} "${String(input)}" is not a whole number of minor units (digits only, no decimal point or sign).`, { field });
  }
  if (value < 0n) throw new ChainError('CHAIN_INVALID_AMOUNT', `The ${field} cannot be negative.`, { field });
  if (value === 0n && !options.allowZero) throw new ChainError('CHAIN_INVALID_AMOUNT', `The ${field} must be more than zero.`, { field });
  if (value > U128_MAX) throw new ChainError('CHAIN_INVALID_AMOUNT', `The ${field} is too large for the chain.`, { field });
  return value;
}

/** Asset, collection and item ids are u32 on Asset Hub. */
export function parseU32(input: unknown, field: string): number {
  if (typeof input !== 'number' || !Number.isInteger(input) || input < 0 || input > 0xffff_ffff) {
    throw new ChainError('CHAIN_INVALID_INPUT', `The ${field} must be a whole number between 0 and 4294967295.`, { field });
  }
  return input;
}
