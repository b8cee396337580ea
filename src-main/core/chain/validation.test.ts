import { describe, expect, it } from 'vitest';
import { ChainError } from './errors.js';
import { parseIntent } from './outbox/intents.js';
import { decodePoolRejection, isPoolRejection } from './tx/dispatch-error.js';
import { parseAddress, parseAmount } from './validation.js';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const codeOf = (run: () => unknown): string => {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof ChainError ? error.code : String(error);
  }
};

describe('boundary validation', () => {
  it('accepts SS58 addresses (any prefix, re-encoded to 42) and refuses the rest', () => {
    expect(parseAddress(` ${ALICE} `)).toBe(ALICE);
    expect(parseAddress('HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F')).toBe(ALICE); // Kusama prefix 2
    for (const bad of ['', '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQX', '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d', 'alice', 42, null]) {
      expect(codeOf(() => parseAddress(bad))).toBe('CHAIN_INVALID_ADDRESS');
    }
  });

  it('accepts whole minor units only', () => {
    expect(parseAmount(5)).toBe(5n);
    expect(parseAmount('340282366920938463463374607431768211455')).toBe((1n << 128n) - 1n);
    expect(parseAmount(0, 'fee', { allowZero: true })).toBe(0n);
    for (const bad of [0, -1, 1.5, '1.5', '1e3', '-3', '', ' ', Number.MAX_SAFE_INTEGER + 1, '340282366920938463463374607431768211456', undefined]) {
      expect(codeOf(() => parseAmount(bad))).toBe('CHAIN_INVALID_AMOUNT');
    }
  });

  it('validates outbox intents and keeps the precise error code', () => {
    expect(parseIntent({ kind: 'assetTransfer', assetId: 1000, to: ALICE, amount: 12n })).toEqual({ kind: 'assetTransfer', assetId: 1000, to: ALICE, amount: '12' });
    expect(codeOf(() => parseIntent({ kind: 'assetTransfer', assetId: 1000, to: 'x', amount: 1 }))).toBe('CHAIN_INVALID_ADDRESS');
    expect(codeOf(() => parseIntent({ kind: 'assetMint', assetId: 1000, to: ALICE, amount: 0.5 }))).toBe('CHAIN_INVALID_AMOUNT');
    expect(codeOf(() => parseIntent({ kind: 'batchAll', calls: [] }))).toBe('CHAIN_INVALID_INPUT');
    expect(codeOf(() => parseIntent({ kind: 'batchAll', calls: [{ kind: 'remark', remark: 'a' }, { kind: 'teleport' }] }))).toBe('CHAIN_INVALID_INPUT');
    expect(codeOf(() => parseIntent({ kind: 'uniquesMint', collectionId: 2 ** 32, itemId: 1, owner: ALICE }))).toBe('CHAIN_INVALID_INPUT');
  });
});

describe('pool rejection decoding', () => {
  it('reads both chopsticks JSON and Substrate text forms', () => {
    expect(decodePoolRejection(new Error('1010: {"invalid":{"badProof":null}}'))).toMatchObject({ name: 'pool.Invalid.BadProof' });
    expect(decodePoolRejection(new Error('1010: Invalid Transaction: Inability to pay some fees , e.g. account balance too low'))).toMatchObject({
      name: 'pool.InvalidTransaction',
      docs: 'Inability to pay some fees , e.g. account balance too low',
    });
  });

  it('tells pool rejections from lost connections', () => {
    expect(isPoolRejection(new Error('1014: Priority is too low'))).toBe(true);
    expect(isPoolRejection(new Error('disconnected from ws://127.0.0.1:9944: 1006:: Abnormal Closure'))).toBe(false);
    expect(isPoolRejection(new Error('No response received from RPC endpoint in 60s'))).toBe(false);
  });
});
