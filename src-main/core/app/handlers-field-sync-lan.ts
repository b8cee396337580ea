// Channel → use case for field sync over the LAN. The office's three 'public' channels are called
// by a laptop's console (no session: the pairing is checked instead, and what they book is
// audited without an operator); the others are the operators' own screens on either side.
import type { fieldSyncLanChannels } from '../../contract/field-sync-lan.js';
import type { AreaHandlers } from '../api/dispatcher.js';
import { actor, type HandlerHost } from './handlers.js';
import { syncCall } from './handlers-field-sync.js';

type LanChannel = keyof typeof fieldSyncLanChannels;

export function fieldSyncLanHandlers(host: HandlerHost): AreaHandlers<LanChannel> {
  const lan = () => host.services.fieldSync.lan;
  const bytes = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, 'hex'));
  return {
    'fieldSync.lan.status': () => lan().status(),
    'fieldSync.lan.accept': (input, ctx) => syncCall(() => lan().accept(input.keyPassphrase, input.minutes, actor(ctx).id)),
    'fieldSync.lan.stop': (_input, ctx) => lan().stop(actor(ctx).id),
    'fieldSync.lan.pair': (input, ctx) => syncCall(() => lan().pair(input.officeUrl, actor(ctx).id)),
    'fieldSync.lan.confirm': (input, ctx) => syncCall(async () => lan().confirm(input.consoleId, input.matches, actor(ctx).id)),
    'fieldSync.lan.sync': (input, ctx) => syncCall(async () => {
      const result = await lan().sync(input.keyPassphrase, actor(ctx).id, (stage, done) => host.events.emit('fieldSync.progress', { stage, done, total: 4 }));
      host.events.emit('members.changed', { reason: 'field-pack' });
      return result;
    }),
    'fieldSync.lan.pairBegin': (input) => syncCall(async () => lan().pairBegin(input.consoleId, bytes(input.commitmentHex))),
    'fieldSync.lan.pairReveal': (input) => syncCall(async () => lan().pairReveal(input.pairingId, bytes(input.laptopPublicKeyHex), bytes(input.nonceHex))),
    'fieldSync.lan.exchange': (input) => syncCall(async () => {
      const result = await lan().exchange({ consoleId: input.consoleId, nonce: bytes(input.nonceHex), report: new Uint8Array(Buffer.from(input.reportBase64, 'base64')), mac: bytes(input.macHex) }, null);
      host.events.emit('meters.changed', { reason: 'field-report', meterId: null });
      return result;
    }),
  };
}
