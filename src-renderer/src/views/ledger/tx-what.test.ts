import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { txWhat } from './tx-what.js';

describe('what a ledger transaction did, in words', () => {
  it('reads the reference the console sent it with before the call kind', () => {
    expect(txWhat('bootstrap', 'bootstrap')).toEqual({ key: 'bootstrap', params: {} });
    expect(txWhat('agreement:12:unproxy', 'agreement')).toEqual({ key: 'agreementClosed', params: { id: '12' } });
    expect(txWhat('agreement:3:v2:cancel', 'agreement')).toEqual({ key: 'agreementWithdrawn', params: { id: '3', version: '2' } });
    expect(txWhat('agreement:3:approve:7', 'agreement').key).toBe('agreementApproval');
    expect(txWhat('member-fund:4:1700000000', 'balanceTransfer').key).toBe('memberFunded');
    expect(txWhat('outbox:9', 'assetMint').key).toBe('creditIssued');
    expect(txWhat(null, 'somethingNew').key).toBe('other');
  });

  it('has an English and a French word for every outcome', () => {
    const keys = ['bootstrap', 'agreementProposed', 'agreementApproval', 'agreementWithdrawn', 'agreementClosed', 'equipmentRecorded', 'memberFunded', 'recordsSealed', 'filler', 'feeTransfer', 'creditTransfer', 'creditIssued', 'itemRecorded', 'itemDetails', 'itemHandOver', 'several', 'other'];
    for (const locale of ['en', 'fr']) {
      const what = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'i18n', locale, 'ledger.json'), 'utf8')) as { what: Record<string, string> }).what;
      for (const key of keys) expect(typeof what[key], `${locale}: ${key}`).toBe('string');
    }
  });
});
