// The Polkadot identicon of an address (the 19 coloured circles wallets show), so staff and members
// can compare an address at a glance. Computed here with @polkadot/ui-shared (which needs
// util-crypto) and sent as plain circles; the renderer only draws them as SVG.
import { polkadotIcon } from '@polkadot/ui-shared/icons';
import type { IdenticonCircle } from '../../contract/member-accounts.js';

export function identiconOf(address: string): IdenticonCircle[] {
  return polkadotIcon(address, { isAlternative: false }).map(({ cx, cy, r, fill }) => ({ cx, cy, r, fill }));
}
