import { describe, expect, it } from 'vitest';
import { hexToU8a } from '@polkadot/util';
import { leafHash, merkleProof, merkleRoot, rootFromProof } from './merkle.js';

const records = (n: number) => Array.from({ length: n }, (_, i) => `reading:${i}:${i * 37}Wh`);

describe('Merkle tree', () => {
  it('proves every record of trees of many sizes and rejects a changed record', () => {
    for (const n of [1, 2, 3, 4, 5, 7, 8, 13, 64, 100]) {
      const leaves = records(n).map(leafHash);
      const root = merkleRoot(leaves);
      for (let i = 0; i < n; i += 1) {
        const proof = merkleProof(leaves, i);
        expect(rootFromProof(leafHash(records(n)[i] as string), proof)).toBe(root);
        expect(rootFromProof(leafHash(`${records(n)[i]}x`), proof)).not.toBe(root);
      }
    }
  });

  it('single record: the root is its leaf; odd levels are promoted, not duplicated', () => {
    const [a, b, c] = ['a', 'b', 'c'].map(leafHash) as [`0x${string}`, `0x${string}`, `0x${string}`];
    expect(merkleRoot([a])).toBe(a);
    expect(merkleRoot([a, b, c])).not.toBe(merkleRoot([a, b, c, c]));
    expect(merkleRoot([a, b])).not.toBe(merkleRoot([b, a]));
  });

  it('separates leaves from inner nodes (an inner node cannot be passed off as a record)', () => {
    const leaves = records(2).map(leafHash);
    // A forged "record" made of the two children's bytes must not hash to their parent.
    const forged = new Uint8Array([...hexToU8a(leaves[0]), ...hexToU8a(leaves[1])]);
    expect(leafHash(forged)).not.toBe(merkleRoot(leaves));
  });
});
