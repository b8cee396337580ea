// Channel → use case for the Ledger (chain status, keystore, set-up, accounts, transactions,
// outbox, anchors, endpoint setting). Input is validated and the role checked by the dispatcher;
// chain/keystore errors become API errors in chainCall. Passphrases are used and forgotten here:
// never audited, logged or returned.
import type { chainChannels, ChainAccountView, ChainKeyView, OutboxPage, OutboxStatus } from '../../contract/chain.js';
import type { AreaHandlers } from '../api/dispatcher.js';
import { CoreError } from '../api/core-error.js';
import type { ChainRuntime } from '../chain/index.js';
import { parseAddress, parseAmount } from '../chain/validation.js';
import { probeEndpoint, validateEndpoint } from '../chain/capabilities.js';
import { readChainSetup, type ChainSetup } from '../chain/bootstrap.js';
import { accountBalance, assetBalance } from '../../../substrate-bindings/src/queries.js';
import type { KeyInfo } from '../keystore/index.js';
import type { AuditSummaryCode } from '../../contract/audit-summaries.js';
import type { AuditSummaryParams } from '../../contract/audit.js';
import { actor, type HandlerHost } from './handlers.js';
import { chainCall, chainOff } from './chain-errors.js';
import { anchorsList, anchorView, requeueFailed } from './chain-ledger-queries.js';
import { outboxTxView } from './chain-views.js';
import { choiceView, readSavedChainChoice } from './chain-settings.js';
import type { ChainChoice } from './services.js';

type ChainChannel = keyof typeof chainChannels;

const keyView = (k: KeyInfo): ChainKeyView => ({ address: k.address, label: k.label, role: k.role, createdAt: k.createdAt });
const stamp = () => new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);

export function chainHandlers(host: HandlerHost): AreaHandlers<ChainChannel> {
  const s = () => host.services;
  const chainHost = () => s().chainHost;
  const runtime = (): ChainRuntime => chainHost().runtime ?? (() => { throw chainOff(); })();
  const setup = (): ChainSetup =>
    readChainSetup(s().db) ?? (() => { throw new CoreError('CHAIN_NOT_BOOTSTRAPPED', 'The cooperative is not set up on chain yet: unlock the keystore (Ledger) and let the set-up finish.'); })();
  const audit = (operatorId: number, action: string, summary: string, summaryCode: AuditSummaryCode, summaryParams?: AuditSummaryParams) =>
    s().audit.record({ operatorId, action, entity: 'chain', entityId: null, summary, summaryCode, ...(summaryParams && { summaryParams }) });

  const outboxPage = (status: OutboxStatus | null, limit: number): OutboxPage => {
    const h = chainHost();
    const ids = s().db.prepare('SELECT id FROM chain_outbox WHERE (? IS NULL OR status = ?) ORDER BY id DESC LIMIT ?').all(status, status, limit) as { id: number }[];
    const rows = ids.map((r) => h.outboxRecord(r.id)).filter((r) => r !== undefined);
    const now = h.status();
    return { rows: rows.map((r) => h.outboxRow(r)), counts: now.outbox, waiting: now.outboxWaiting };
  };

  return {
    'chain.status': () => chainHost().status(),
    'chain.keystore.initialize': async (input, ctx) => {
      const r = runtime();
      await chainCall(() => r.keystore.initialize(input.passphrase), 'passphrase');
      audit(actor(ctx).id, 'chain.keystore.initialize', 'Created the chain keystore', 'chain.keystoreCreated');
      chainHost().afterUnlock();
      return chainHost().status();
    },
    'chain.keystore.unlock': async (input, ctx) => {
      const r = runtime();
      await chainCall(() => r.unlock(input.passphrase), 'passphrase');
      audit(actor(ctx).id, 'chain.keystore.unlock', 'Unlocked the chain keystore for this session', 'chain.keystoreUnlocked');
      chainHost().afterUnlock();
      return chainHost().status();
    },
    'chain.keystore.lock': (_input, ctx) => {
      runtime().lock();
      audit(actor(ctx).id, 'chain.keystore.lock', 'Locked the chain keystore', 'chain.keystoreLocked');
      chainHost().statusChanged();
      return chainHost().status();
    },
    'chain.keystore.keys': () => chainHost().runtime?.keystore.list().map(keyView) ?? [],
    'chain.keystore.backup': async (input, ctx) => {
      const r = runtime();
      const backup = await chainCall(() => r.keystore.backup(input.passphrase), 'passphrase');
      audit(actor(ctx).id, 'chain.keystore.backup', `Downloaded a keystore backup (${backup.accounts.length} keys)`, 'chain.keystoreBackedUp', { count: backup.accounts.length });
      return { fileName: `coop-keystore-backup-${stamp()}.json`, json: JSON.stringify(backup, null, 2) };
    },
    'chain.keystore.restore': async (input, ctx) => {
      const r = runtime();
      const parsed = parseJson(input.json, 'json');
      const added = await chainCall(() => r.keystore.restore(parsed, input.passphrase), 'passphrase');
      audit(actor(ctx).id, 'chain.keystore.restore', `Restored ${added.length} keys from a backup: ${added.map((k) => k.address).join(', ') || 'none new'}`, 'chain.keystoreRestored', { count: added.length });
      chainHost().afterUnlock();
      return added.map(keyView);
    },
    'chain.keystore.exportKey': async (input, ctx) => {
      const r = runtime();
      const address = await chainCall(() => parseAddress(input.address, 'address'), 'address');
      const json = await chainCall(() => r.keystore.exportKey(address, input.passphrase), 'passphrase');
      audit(actor(ctx).id, 'chain.keystore.export', `Exported the key ${address}`, 'chain.keyExported', { address });
      return { fileName: `coop-key-${address.slice(0, 8)}.json`, json: JSON.stringify(json, null, 2) };
    },
    'chain.keystore.importKey': async (input, ctx) => {
      const r = runtime();
      const parsed = parseJson(input.json, 'json');
      const info = await chainCall(() => r.keystore.importKey(parsed, input.passphrase, input.role), 'passphrase');
      audit(actor(ctx).id, 'chain.keystore.import', `Imported the key ${info.address} (${info.role})`, 'chain.keyImported', { address: info.address, keyRole: info.role });
      return keyView(info);
    },
    'chain.bootstrap': async (_input, ctx) => {
      runtime();
      await chainHost().bootstrapNow();
      audit(actor(ctx).id, 'chain.bootstrap', `Ran the chain set-up: ${chainHost().status().bootstrap.state}`, 'chain.setUp', { setupState: chainHost().status().bootstrap.state });
      return chainHost().status();
    },
    'chain.accounts': async () => {
      const r = runtime();
      const setupNow = readChainSetup(s().db);
      if (!setupNow) return [];
      return chainCall(async () => {
        const api = r.connection.api;
        const identity = r.connection.status.identity;
        const keys = r.keystore.list();
        const accounts: ChainAccountView[] = [];
        for (const role of ['treasury', 'issuer'] as const) {
          const address = setupNow[role];
          const native = await accountBalance(api, address);
          const assets = await Promise.all(
            [setupNow.energyCredit, setupNow.greenToken].map(async (a) => ({ ...a, balance: (await assetBalance(api, a.assetId, address)).toString() })),
          );
          accounts.push({
            role,
            label: keys.find((k) => k.address === address)?.label ?? role,
            address,
            free: native.free.toString(),
            reserved: native.reserved.toString(),
            tokenSymbol: identity?.tokenSymbol ?? 'UNIT',
            tokenDecimals: identity?.tokenDecimals ?? 12,
            assets,
          });
        }
        return accounts;
      });
    },
    'chain.transfer': async (input, ctx) => {
      const r = runtime();
      const to = await chainCall(() => parseAddress(input.to, 'to'), 'to');
      const amount = await chainCall(() => parseAmount(input.amount, 'amount'), 'amount');
      const cfg = setup();
      const signer = cfg[input.from];
      const assetId = input.asset === 'energyCredit' ? cfg.energyCredit.assetId : cfg.greenToken.assetId;
      const intent =
        input.asset === 'native'
          ? ({ kind: 'balanceTransfer', to, amount } as const)
          : input.from === 'issuer'
            ? ({ kind: 'assetMint', assetId, to, amount } as const)
            : ({ kind: 'assetTransfer', assetId, to, amount } as const);
      const record = await chainCall(() => r.outbox.enqueue(intent, { signer }));
      audit(actor(ctx).id, 'chain.transfer', `Queued ${intent.kind} of ${amount} (${input.asset}) from the ${input.from} to ${to} (outbox ${record.id})`, 'chain.transferQueued', { amount: String(amount), asset: input.asset, to });
      return chainHost().outboxRow(record);
    },
    'chain.transactions': (input) => {
      const outbox = (s().db.prepare('SELECT id FROM chain_outbox WHERE tx_hash IS NOT NULL OR status = ? ORDER BY updated_at DESC, id DESC LIMIT ?').all('failed', input.limit) as { id: number }[])
        .map((r) => chainHost().outboxRecord(r.id))
        .filter((r) => r !== undefined)
        .map(outboxTxView)
        .filter((t) => t !== null);
      return [...outbox, ...chainHost().directTransactions()].sort((a, b) => b.at.localeCompare(a.at)).slice(0, input.limit);
    },
    'chain.outbox.list': (input) => outboxPage(input.status, input.limit),
    'chain.outbox.retry': async (input, ctx) => {
      const r = runtime();
      if (input.id !== null) {
        const record = await chainCall(() => requeueFailed(s().db, r, input.id as number));
        audit(actor(ctx).id, 'chain.outbox.retry', `Queued outbox record ${record.id} (${record.kind}) again after it failed`, 'chain.outboxRetried', { id: record.id });
      } else if (r.connection.isReady) {
        await chainCall(() => r.outbox.reconcile());
      }
      r.outbox.kick();
      chainHost().statusChanged();
      return outboxPage(null, 200);
    },
    'chain.anchors.list': (input) => anchorsList(s().db, input.limit),
    'chain.anchors.create': async (input, ctx) => {
      const r = runtime();
      const cfg = setup();
      const keys = new Set<string>();
      input.records.forEach((rec, i) => {
        if (keys.has(rec.key)) throw new CoreError('VALIDATION', `The record key "${rec.key}" appears twice.`, [{ path: `records.${i}.key`, message: 'Listed twice' }]);
        keys.add(rec.key);
      });
      const info = await chainCall(() =>
        s().db.transaction(() => {
          const anchor = r.anchors.anchor({ subject: input.subject, records: input.records, signer: cfg.treasury });
          const insert = s().db.prepare('INSERT INTO chain_evidence (subject, record_key, data, anchor_id, created_at) VALUES (?, ?, ?, ?, ?)');
          for (const rec of input.records) insert.run(input.subject, rec.key, rec.data, anchor.id, host.clock.now().toISOString());
          return anchor;
        })(),
      );
      audit(actor(ctx).id, 'chain.anchor', `Anchored ${input.records.length} record(s) as "${input.subject}" (anchor ${info.id})`, 'chain.anchored', { count: input.records.length, subject: input.subject });
      return anchorView(s().db, info.id);
    },
    'chain.anchors.check': async (input) => {
      const r = runtime();
      const evidence = chainHost().evidence;
      const recordKey = input.recordKey ?? evidence.heldKeys(input.anchorId)[0];
      if (!recordKey) throw new CoreError('NOT_FOUND', `The console holds no copy of a record of anchor ${input.anchorId}. Give the record key and its data to check it.`);
      const data = input.data ?? evidence.dataOf(input.anchorId, recordKey);
      if (data === null) throw new CoreError('NOT_FOUND', `The console holds no copy of the record "${recordKey}" of anchor ${input.anchorId}; give its data to check it.`);
      const proof = await chainCall(() => r.anchors.proof(input.anchorId, recordKey), 'recordKey');
      const verdict = await chainCall(() => r.anchors.verify(proof, data));
      return { valid: verdict.valid, reason: verdict.reason, proof: { ...proof, steps: proof.steps.map((st) => ({ hash: st.hash, side: st.side })) }, data };
    },
    'chain.anchors.verify': async (input) => {
      const r = runtime();
      const proof = { ...input.proof, root: input.proof.root as `0x${string}`, steps: input.proof.steps.map((st) => ({ hash: st.hash as `0x${string}`, side: st.side })) };
      return chainCall(() => r.anchors.verify(proof, input.data));
    },
    'chain.settings.get': () => {
      const current = chainHost().choice;
      const saved = readSavedChainChoice(s().db);
      return { ...choiceView(current), saved: saved ? choiceView({ choice: saved, source: 'settings' }) : null, launchOverride: current.source === 'launch' };
    },
    'chain.settings.setEndpoint': async (input, ctx) => {
      let choice: ChainChoice;
      if (input.mode === 'external') {
        // The real capability check, before anything changes: a refusal names what is missing.
        const endpoint = await chainCall(async () => {
          const url = validateEndpoint(input.endpoint);
          await probeEndpoint(url);
          return url;
        }, 'endpoint');
        choice = { mode: 'external', endpoint };
      } else {
        choice = { mode: input.mode };
      }
      const before = chainHost().choice;
      await chainHost().switchTo(choice);
      audit(actor(ctx).id, 'chain.settings', `Chain switched from ${describe(before.choice)} to ${describe(choice)}`, 'chain.settingsChanged', { chainMode: choice.mode, endpoint: choice.mode === 'external' ? choice.endpoint : '' });
      return chainHost().status();
    },
  };
}

const describe = (c: ChainChoice): string => (c.mode === 'external' ? `external ${c.endpoint}` : c.mode);

function parseJson(text: string, field: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CoreError('KEYSTORE_CORRUPT_FILE', 'This file is not JSON: choose the .json file the console (or polkadot-js) saved.', [{ path: field, message: 'Not JSON' }]);
  }
}
