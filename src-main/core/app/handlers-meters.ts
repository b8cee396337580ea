// Channel → use case for meters, stock Modbus meters and the attestation trust store. Input is
// validated and the role checked by the dispatcher; meter-layer errors become API errors here.
import type { metersChannels, TrustStoreView } from '../../contract/meters.js';
import type { AreaHandlers } from '../api/dispatcher.js';
import { notFound } from '../api/core-error.js';
import { loadTrustStoreFile } from '../attestation/trust-store-file.js';
import { resolveResourceDir } from '../platform/resources.js';
import { join } from 'node:path';
import { actor, type HandlerHost } from './handlers.js';
import { meterCall } from './meters-errors.js';
import { certificateFromPem, parseTrustImport } from './meters-trust-import.js';

type MetersChannel = keyof typeof metersChannels;

export function metersHandlers(host: HandlerHost): AreaHandlers<MetersChannel> {
  const m = () => host.services.meters;
  const changed = (reason: string, meterId: number | null = null) => host.events.emit('meters.changed', { reason, meterId });
  const trustView = (): TrustStoreView => {
    const snapshot = m().trust.snapshot();
    return { anchors: m().trust.listAnchors(), implementations: snapshot.implementations, revoked: snapshot.revoked };
  };
  /** A trust edit: audited by the repository in the same transaction; every view refetches. */
  const trustEdit = async (edit: () => void): Promise<TrustStoreView> => {
    await meterCall(edit);
    changed('trust');
    return trustView();
  };
  const meterOr404 = (id: number) => m().meters.get(id) ?? (() => { throw notFound('Meter', id); })();

  return {
    'meters.ports.list': (input) => m().listPorts(input.manualPath),
    'meters.provision.start': (input, ctx) =>
      m().runs.start({ portPath: input.portPath, baudRate: input.baudRate, memberId: input.memberId, equipmentRef: input.equipmentRef || null, intervalSeconds: input.intervalSeconds }, actor(ctx).id),
    'meters.provision.status': (input) => m().runs.get(input.runId),
    'meters.provision.runs': () => m().runs.recent(),
    'meters.list': (input) => {
      const needle = input.search.toLowerCase();
      return m()
        .meters.list(input.memberId === null ? {} : { memberId: input.memberId })
        .filter((v) => input.status === null || v.status === input.status)
        .filter((v) => !needle || [v.serialNumber, v.model, v.memberName ?? '', v.equipmentRef ?? '', v.instanceIdHex].some((f) => f.toLowerCase().includes(needle)))
        .map((v) => m().summary(v));
    },
    'meters.get': (input) => {
      const view = meterOr404(input.id);
      return {
        meter: m().summary(view),
        pendingProvisioning: view.pendingProvisioning,
        attestations: m().meters.attestationHistory(view.id),
        gaps: m().meters.gaps(view.id, input.includeResolvedGaps),
        readings: m().recentReadings(view.id, input.readingsLimit),
      };
    },
    'meters.collect': async (input) => {
      const view = meterOr404(input.id);
      // Through the collector: the read takes its turn on the line and is noted as the last read.
      const outcome = await m().collector.collectNow(view.id, input.portPath ?? view.portPath);
      const report = outcome.report ?? (await meterCall<never>(() => Promise.reject(outcome.error ?? outcome.failure)));
      changed('readings', view.id);
      return { accepted: report.accepted, duplicates: report.duplicates, readingsStored: report.readingsStored, rejected: report.rejected, gapsOpened: report.gapsOpened.length };
    },
    'meters.relay': async (input, ctx) => {
      const view = meterOr404(input.id);
      const result = await meterCall(() => m().commands.setRelay(view.id, input.portPath ?? view.portPath, { closed: input.closed, loadLimitW: input.loadLimitW }, actor(ctx).id));
      changed('relay', view.id);
      return result;
    },
    'meters.modbus.list': () => m().modbus.list(),
    'meters.modbus.add': (input, ctx) => {
      const added = m().modbus.add(input, actor(ctx).id);
      changed('modbus');
      return added;
    },
    'meters.modbus.poll': (input) => m().modbus.pollNow(input.id),
    'meters.modbus.setInterval': async (input, ctx) => {
      const updated = await m().modbus.setInterval(input.id, input.pollSeconds, actor(ctx).id);
      changed('modbus');
      return updated;
    },
    'meters.modbus.samples': (input) => m().modbus.samples(input.id, input.limit),
    'meters.trust.get': () => trustView(),
    'meters.trust.addCa': (input, ctx) => trustEdit(() => m().trust.addCaCertificate({ label: input.label, certificateDer: certificateFromPem(input.pem, input.label), operatorId: actor(ctx).id })),
    'meters.trust.addDeviceKey': (input, ctx) => trustEdit(() => m().trust.addDeviceKey({ label: input.label, publicKey: new Uint8Array(Buffer.from(input.publicKeyHex, 'hex')), operatorId: actor(ctx).id })),
    'meters.trust.removeAnchor': (input, ctx) => trustEdit(() => m().trust.removeAnchor(input.id, actor(ctx).id)),
    'meters.trust.saveImplementation': (input, ctx) => trustEdit(() => m().trust.upsertImplementation({ ...input, operatorId: actor(ctx).id })),
    'meters.trust.approveMeasurement': (input, ctx) =>
      trustEdit(() =>
        m().trust.approveMeasurement({
          implementationIdHex: input.implementationIdHex, measurementHex: input.measurementHex, signerIdHex: input.signerIdHex || null,
          componentType: input.componentType || null, version: input.version || null, operatorId: actor(ctx).id,
        }),
      ),
    'meters.trust.withdrawMeasurement': (input, ctx) => trustEdit(() => m().trust.withdrawMeasurement({ ...input, operatorId: actor(ctx).id })),
    'meters.trust.revoke': (input, ctx) => trustEdit(() => m().trust.revokeCertificate({ ...input, operatorId: actor(ctx).id })),
    'meters.trust.import': (input, ctx) => trustEdit(() => m().trust.importSnapshot(parseTrustImport(input.json, input.files), actor(ctx).id)),
    'meters.trust.importDemo': (_input, ctx) =>
      trustEdit(() => m().trust.importSnapshot(loadTrustStoreFile(join(resolveResourceDir('resources'), 'demo-pki', 'demo-trust.json')), actor(ctx).id)),
  };
}
