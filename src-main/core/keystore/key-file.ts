// The on-disk shape of one key: the polkadot-js keyring JSON (PKCS#8 secret encrypted with
// scrypt + xsalsa20-poly1305), so a key exported from here imports into polkadot-js apps or the
// extension and back. Validated with zod so a truncated or edited file fails with a clear message.
import { z } from 'zod';

export const KEY_ROLES = ['treasury', 'issuer', 'member', 'operator', 'other'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

export const encryptedJsonSchema = z.object({
  encoded: z.string().min(1),
  encoding: z.object({
    content: z.array(z.string()),
    type: z.array(z.string()),
    version: z.string(),
  }),
});

export const keyFileSchema = encryptedJsonSchema.extend({
  address: z.string().min(1),
  meta: z.record(z.string(), z.unknown()).default({}),
});
export type KeyFileJson = z.infer<typeof keyFileSchema>;

/** What the console may show about a key: never the secret. */
export interface KeyInfo {
  readonly address: string;
  readonly label: string;
  readonly role: KeyRole;
  readonly createdAt: string;
}

export function keyInfoFrom(json: KeyFileJson): KeyInfo {
  const meta = json.meta;
  const role = KEY_ROLES.find((r) => r === meta['coopRole']) ?? 'other';
  return {
    address: json.address,
    label: typeof meta['name'] === 'string' ? meta['name'] : '',
    role,
    createdAt: typeof meta['whenCreated'] === 'number' ? new Date(meta['whenCreated']).toISOString() : '',
  };
}
