// The console's Merkle tree over a set of records (readings, a settlement, statements).
//
//   leaf  = blake2b-256( 0x00 ‖ record bytes )
//   node  = blake2b-256( 0x01 ‖ left ‖ right )
//   A level with an odd number of nodes promotes its last node unchanged to the next level
//   (no duplication, so [a, b, c] and [a, b, c, c] have different roots).
//   One record: the root is its leaf. Leaves keep the order in which the records were given.
//
// The 0x00/0x01 prefixes separate leaves from inner nodes, so no inner node can be passed off
// as a record (second-preimage attack on naive Merkle trees).
import { blake2AsU8a } from '@polkadot/util-crypto';
import { u8aConcat, u8aToHex, hexToU8a, stringToU8a } from '@polkadot/util';

export type Hex = `0x${string}`;

export interface ProofStep {
  readonly hash: Hex;
  /** Where the sibling sits relative to the running hash. */
  readonly side: 'left' | 'right';
}

const LEAF = new Uint8Array([0]);
const NODE = new Uint8Array([1]);

export function recordBytes(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? stringToU8a(data) : data;
}

export function leafHash(data: Uint8Array | string): Hex {
  return u8aToHex(blake2AsU8a(u8aConcat(LEAF, recordBytes(data)), 256));
}

function nodeHash(left: Hex, right: Hex): Hex {
  return u8aToHex(blake2AsU8a(u8aConcat(NODE, hexToU8a(left), hexToU8a(right)), 256));
}

/** Every level of the tree, leaves first, root last. */
function levels(leaves: readonly Hex[]): Hex[][] {
  if (leaves.length === 0) throw new Error('A Merkle tree needs at least one record');
  const out: Hex[][] = [[...leaves]];
  for (let level = out[0] as Hex[]; level.length > 1; ) {
    const next: Hex[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i] as Hex;
      const right = level[i + 1];
      next.push(right === undefined ? left : nodeHash(left, right));
    }
    out.push(next);
    level = next;
  }
  return out;
}

export function merkleRoot(leaves: readonly Hex[]): Hex {
  const all = levels(leaves);
  return (all[all.length - 1] as Hex[])[0] as Hex;
}

export function merkleProof(leaves: readonly Hex[], index: number): ProofStep[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length) throw new Error(`No leaf at position ${index}`);
  const steps: ProofStep[] = [];
  let position = index;
  for (const level of levels(leaves).slice(0, -1)) {
    const sibling = position % 2 === 0 ? position + 1 : position - 1;
    const hash = level[sibling];
    if (hash !== undefined) steps.push({ hash, side: position % 2 === 0 ? 'right' : 'left' });
    position = Math.floor(position / 2);
  }
  return steps;
}

export function rootFromProof(leaf: Hex, steps: readonly ProofStep[]): Hex {
  return steps.reduce<Hex>((acc, step) => (step.side === 'right' ? nodeHash(acc, step.hash) : nodeHash(step.hash, acc)), leaf);
}
