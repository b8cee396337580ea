// Privileged commands (clock, relay/load limit, re-provisioning) are signed with the cooperative's
// meter-command key installed at provisioning. The signed bytes are a fixed CBOR array per command
// plus a counter the meter requires to increase, so a captured command cannot be replayed.
import type { KeyObject } from 'node:crypto';
import { cborEncode } from './cbor.js';
import { MessageType, type RequestBody } from './messages.js';
import { signEs256, verifyEs256 } from '../attestation/es256.js';

export type AuthorisedCommand =
  | { name: 'setClock'; body: Omit<RequestBody<'setClock'>, 'auth'> }
  | { name: 'setRelay'; body: Omit<RequestBody<'setRelay'>, 'auth'> }
  | { name: 'provision'; body: Omit<RequestBody<'provision'>, 'auth'> };

export function commandAuthPayload(command: AuthorisedCommand): Uint8Array {
  switch (command.name) {
    case 'setClock':
      return cborEncode([MessageType.setClock, command.body.counter, command.body.clock]);
    case 'setRelay':
      return cborEncode([MessageType.setRelay, command.body.counter, command.body.closed, command.body.loadLimitW]);
    case 'provision': {
      const b = command.body;
      return cborEncode([MessageType.provision, b.counter ?? 0, b.provisioningId, b.memberRef, b.equipmentRef, b.clock, b.intervalSeconds, b.coopKey]);
    }
  }
}

export const signCommand = (command: AuthorisedCommand, coopKey: KeyObject): Uint8Array => signEs256(coopKey, commandAuthPayload(command));
export const verifyCommand = (command: AuthorisedCommand, auth: Uint8Array, coopPublicKey: KeyObject): boolean =>
  verifyEs256(coopPublicKey, commandAuthPayload(command), auth);
