// What a ledger transaction did, in a clerk's words: read from its reference (what the console sent
// it for) or, failing that, its call kind. Returns a translation key under ledger.what and its values.

export interface TxWhat {
  readonly key: string;
  readonly params: Record<string, string | number>;
}

// Reference patterns the core writes (chain registrar, canceller, equipment, members, anchors, bootstrap).
const BY_REFERENCE: ReadonlyArray<[RegExp, (m: RegExpExecArray) => TxWhat]> = [
  [/^bootstrap$/, () => ({ key: 'bootstrap', params: {} })],
  [/^agreement:(\d+):propose$/, (m) => ({ key: 'agreementProposed', params: { id: m[1]! } })],
  [/^agreement:(\d+):approve:\d+$/, (m) => ({ key: 'agreementApproval', params: { id: m[1]! } })],
  [/^agreement:(\d+):v(\d+):cancel$/, (m) => ({ key: 'agreementWithdrawn', params: { id: m[1]!, version: m[2]! } })],
  [/^agreement:(\d+):unproxy$/, (m) => ({ key: 'agreementClosed', params: { id: m[1]! } })],
  [/^equipment:(\d+)(:|$)/, (m) => ({ key: 'equipmentRecorded', params: { id: m[1]! } })],
  [/^member-fund:\d+/, () => ({ key: 'memberFunded', params: {} })],
  [/^evidence:([^:]+):/, (m) => ({ key: 'recordsSealed', params: { subject: `(${m[1]!})` } })],
  [/^outbox:filler:/, () => ({ key: 'filler', params: {} })],
];

const BY_KIND: Readonly<Record<string, string>> = {
  balanceTransfer: 'feeTransfer',
  assetTransfer: 'creditTransfer',
  assetMint: 'creditIssued',
  uniquesMint: 'itemRecorded',
  uniquesSetAttribute: 'itemDetails',
  uniquesSetMetadata: 'itemDetails',
  uniquesApproveTransfer: 'itemHandOver',
  uniquesTransfer: 'itemHandOver',
  remark: 'recordsSealed',
  anchor: 'recordsSealed',
  batchAll: 'several',
};

export function txWhat(ref: string | null, kind: string): TxWhat {
  for (const [pattern, said] of BY_REFERENCE) {
    const match = ref === null ? null : pattern.exec(ref);
    if (match) return said(match);
  }
  return { key: BY_KIND[kind] ?? 'other', params: { subject: '' } };
}
