// Allocation key versions of a site: list, create (fixed coefficients, custom CSV table, or pro rata
// explicitly), check a CSV, and preview what a key would have given over a past week. A version
// starts at an interval and runs until the next; a new version must start after the last one and
// after every computed interval (a key change never rewrites the past). Bad input writes nothing.
import type { Database } from 'better-sqlite3';
import type { AllocationKeyVersion, EnergyRefusal, KeyAllocationPreview, KeyCsvPreview } from '../../contract/energy.js';
import type { AllocationKeyDefinition } from '../../contract/energy.js';
import type { z } from 'zod';
import type { OperatorPublic } from '../../contract/session.js';
import type { ApiIssue } from '../../contract/errors.js';
import { CoreError, notFound } from '../api/core-error.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import { poolShares, type PoolKey } from './allocation.js';
import { keyVersionRows } from './allocation-rules-repo.js';
import { SLOTS_PER_DAY } from './estimation.js';
import { PPM, SUM_TOLERANCE, intervalStart, parseKeyCsv, type SiteMemberRef } from './key-csv.js';
import { F, decodeMemberDay } from './member-day-codec.js';
import { SLOT_MS } from './site-inputs.js';
import { SOURCE_COUNT } from './source-pool.js';

type KeyDefinition = z.output<typeof AllocationKeyDefinition>;

export class AllocationKeys {
  constructor(private readonly deps: { db: Database; audit: AuditRepo; now: () => Date }) {}

  list(siteId: number): AllocationKeyVersion[] {
    this.site(siteId);
    const rows = keyVersionRows(this.deps.db, siteId);
    const now = this.deps.now().toISOString();
    const members = this.deps.db.prepare(`SELECT k.member_id, m.full_name, k.ppm FROM energy_key_members k JOIN members m ON m.id = k.member_id WHERE k.key_version_id = ? ORDER BY k.position`).raw();
    return rows.map((row, i) => {
      const next = rows[i + 1]?.valid_from ?? null;
      return {
        id: row.id, siteId: row.site_id, version: row.version, validFrom: row.valid_from, validUntil: next,
        state: row.valid_from > now ? 'scheduled' : next !== null && next <= now ? 'superseded' : 'in_force',
        mode: row.mode,
        coefficients: (members.all(row.id) as [number, string, number][]).map(([memberId, memberName, ppm]) => ({ memberId, memberName, ppm })),
        unused: row.unused, tableRows: row.table_rows, tableFrom: row.table_from, tableTo: row.table_to, notes: row.notes, createdAt: row.created_at,
      };
    });
  }

  previewCsv(siteId: number, csv: string): KeyCsvPreview {
    this.site(siteId);
    return parseKeyCsv(csv, siteId, this.membersByNo()).preview;
  }

  create(actor: OperatorPublic, input: { siteId: number; validFrom: string; definition: KeyDefinition; notes: string }): AllocationKeyVersion {
    const { db } = this.deps;
    const site = this.site(input.siteId);
    const validFrom = intervalStart(input.validFrom);
    if (typeof validFrom !== 'string') throw new CoreError('VALIDATION', validFrom.problem, [{ path: 'validFrom', message: validFrom.problem }]);
    const existing = keyVersionRows(db, input.siteId);
    const last = existing[existing.length - 1];
    if (last && last.valid_from >= validFrom) {
      throw new CoreError('CONFLICT', `This key would overlap version ${last.version}, which starts ${last.valid_from}: a new version must start after the last one.`, [{ path: 'validFrom', message: `Start after ${last.valid_from}` }], {
        reason: 'key_overlaps_version' satisfies EnergyRefusal, params: { version: last.version, validFrom: last.valid_from },
      });
    }
    const computed = db.prepare(`SELECT max(interval_start) AS last FROM energy_site_intervals WHERE site_id = ?`).get(input.siteId) as { last: string | null };
    if (computed.last !== null && computed.last >= validFrom) {
      const after = new Date(Date.parse(computed.last) + SLOT_MS).toISOString();
      throw new CoreError('CONFLICT', `Flows up to ${computed.last} were already computed with the key in force then; a key change never rewrites the past. Start this version at ${after} or later.`, [{ path: 'validFrom', message: `Start at ${after} or later` }], {
        reason: 'key_rewrites_flows' satisfies EnergyRefusal, params: { computedUntil: computed.last, startFrom: after },
      });
    }
    const plan = this.plan(input.siteId, validFrom, input.definition);
    return db.transaction(() => {
      const version = (last?.version ?? 0) + 1;
      const id = Number(
        db.prepare(`INSERT INTO energy_key_versions (site_id, version, valid_from, mode, unused, table_rows, table_from, table_to, notes, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(input.siteId, version, validFrom, input.definition.mode, plan.unused, plan.rows.length, plan.rows[0]?.intervalStart ?? null, plan.rows[plan.rows.length - 1]?.intervalStart ?? null, input.notes, actor.id, this.deps.now().toISOString()).lastInsertRowid,
      );
      const member = db.prepare(`INSERT INTO energy_key_members (key_version_id, position, member_id, ppm) VALUES (?, ?, ?, ?)`);
      plan.columns.forEach((c, position) => member.run(id, position, c.memberId, c.ppm));
      const row = db.prepare(`INSERT INTO energy_key_table (key_version_id, interval_start, ppm) VALUES (?, ?, ?)`);
      for (const r of plan.rows) {
        const blob = Buffer.alloc(r.ppm.length * 4);
        r.ppm.forEach((p, j) => blob.writeUInt32LE(p, j * 4));
        row.run(id, r.intervalStart, blob);
      }
      this.deps.audit.record({ operatorId: actor.id, action: 'create', entity: 'energy_key_version', entityId: id, summary: `${site.name}: allocation key version ${version} (${input.definition.mode}) from ${validFrom}`, summaryCode: 'energy.keyVersionCreated', summaryParams: { site: site.name, version, mode: input.definition.mode, validFrom }, after: { validFrom, mode: input.definition.mode, unused: plan.unused, columns: plan.columns, tableRows: plan.rows.length } });
      const created = this.list(input.siteId).find((v) => v.id === id);
      if (!created) throw new Error('The key version just written is missing');
      return created;
    })();
  }

  /** What `definition` would have given each member over the 7 days ending `weekEnding` (UTC), beside what they got. */
  previewAllocation(siteId: number, definition: KeyDefinition, weekEnding: string | null): KeyAllocationPreview {
    const { db } = this.deps;
    this.site(siteId);
    const lastDay = weekEnding ?? (db.prepare(`SELECT max(day) AS d FROM energy_member_days WHERE site_id = ?`).get(siteId) as { d: string | null }).d ?? this.deps.now().toISOString().slice(0, 10);
    const firstDay = new Date(Date.parse(`${lastDay}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
    const plan = this.plan(siteId, null, definition);
    const members = db.prepare(`SELECT id, full_name FROM members WHERE site_id = ? ORDER BY id`).raw().all(siteId) as [number, string][];
    const index = new Map(members.map(([id], i) => [id, i]));
    const n = members.length;
    const fixedWeights = new Float64Array(n);
    if (definition.mode === 'fixed') for (const c of plan.columns) fixedWeights[index.get(c.memberId) ?? 0] = c.ppm;
    const table = new Map(plan.rows.map((r) => [r.intervalStart, r.ppm]));
    const rows = members.map(([memberId, memberName]) => ({ memberId, memberName, deficitWh: 0, currentWh: 0, proposedWh: 0 }));
    let poolWh = 0;
    let currentExportWh = 0;
    let proposedExportWh = 0;
    const S = SLOTS_PER_DAY;
    const need = new Float64Array(n);
    const days = db.prepare(`SELECT member_id, day, flows FROM energy_member_days WHERE site_id = ? AND day >= ? AND day <= ? ORDER BY day`).raw().all(siteId, firstDay, lastDay) as [number, string, Buffer][];
    const byDay = new Map<string, { i: number; v: Float64Array }[]>();
    for (const [memberId, day, blob] of days) {
      const i = index.get(memberId);
      if (i === undefined) continue;
      const list = byDay.get(day) ?? [];
      list.push({ i, v: decodeMemberDay(blob) });
      byDay.set(day, list);
    }
    for (const [day, list] of byDay) {
      for (let q = 0; q < S; q++) {
        need.fill(0);
        let pool = 0;
        let computedSlot = false;
        for (const { i, v } of list) {
          if ((v[F.computed * S + q] ?? 0) !== 1) continue;
          computedSlot = true;
          let p2p = 0;
          let current = 0;
          for (let k = 0; k < SOURCE_COUNT; k++) {
            p2p += v[(F.p2pMix + k) * S + q] ?? 0;
            current += v[(F.poolMix + k) * S + q] ?? 0;
          }
          need[i] = (v[F.deficit * S + q] ?? 0) - p2p;
          pool += (v[F.surplus * S + q] ?? 0) - (v[F.p2pSold * S + q] ?? 0);
          const row = rows[i];
          if (row) {
            row.deficitWh += v[F.deficit * S + q] ?? 0;
            row.currentWh += current;
          }
          currentExportWh += v[F.mainExport * S + q] ?? 0;
        }
        if (!computedSlot) continue;
        poolWh += pool;
        const iso = new Date(Date.parse(`${day}T00:00:00Z`) + q * SLOT_MS).toISOString();
        const key = this.previewKey(definition, plan, fixedWeights, table.get(iso), index, n);
        const shares = poolShares(key, pool, need, n);
        let given = 0;
        shares.forEach((wh, i) => {
          given += wh;
          const row = rows[i];
          if (row) row.proposedWh += wh;
        });
        proposedExportWh += pool - given;
      }
    }
    return { siteId, from: firstDay, to: lastDay, poolWh, rows, currentExportWh, proposedExportWh };
  }

  private previewKey(definition: KeyDefinition, plan: KeyPlan, fixed: Float64Array, tableRow: readonly number[] | undefined, index: Map<number, number>, n: number): PoolKey {
    if (definition.mode === 'fixed') return { mode: 'weights', weights: fixed, unused: definition.unused };
    if (definition.mode === 'custom_table' && tableRow) {
      const weights = new Float64Array(n);
      plan.columns.forEach((c, j) => (weights[index.get(c.memberId) ?? 0] = tableRow[j] ?? 0));
      return { mode: 'weights', weights, unused: 'reallocate' };
    }
    return { mode: 'pro_rata' };
  }

  /** Checks a definition against the site; throws VALIDATION / IMPORT_REJECTED with one issue per bad cell. */
  private plan(siteId: number, validFrom: string | null, definition: KeyDefinition): KeyPlan {
    if (definition.mode === 'pro_rata') return { unused: null, columns: [], rows: [] };
    if (definition.mode === 'custom_table') {
      const parsed = parseKeyCsv(definition.csv, siteId, this.membersByNo(), validFrom);
      if (!parsed.preview.ok) {
        const issues: ApiIssue[] = parsed.preview.issues.map((i) => ({ path: `definition.csv.line${i.line}${i.column ? `.${i.column}` : ''}`, message: `Line ${i.line}${i.column ? `, ${i.column}` : ''}: ${i.message}` }));
        throw new CoreError('IMPORT_REJECTED', `The key table has ${parsed.preview.issueCount} problem${parsed.preview.issueCount === 1 ? '' : 's'}; nothing was saved. ${issues[0]?.message ?? ''}`.trim(), issues, {
          reason: 'key_table_rejected' satisfies EnergyRefusal, params: { count: parsed.preview.issueCount },
        });
      }
      return { unused: 'reallocate', columns: parsed.memberIds.map((memberId) => ({ memberId, ppm: 0 })), rows: parsed.rows };
    }
    const issues: ApiIssue[] = [];
    const site = new Map((this.deps.db.prepare(`SELECT id, site_id FROM members WHERE id IN (${definition.coefficients.map(() => '?').join(',')})`).raw().all(...definition.coefficients.map((c) => c.memberId)) as [number, number][]));
    const seen = new Set<number>();
    let sum = 0;
    definition.coefficients.forEach((c, i) => {
      const path = `definition.coefficients.${i}.memberId`;
      if (seen.has(c.memberId)) issues.push({ path, message: `Member ${c.memberId} has two coefficients` });
      else if (!site.has(c.memberId)) issues.push({ path, message: `Member ${c.memberId} does not exist` });
      else if (site.get(c.memberId) !== siteId) issues.push({ path, message: `Member ${c.memberId} belongs to another site` });
      seen.add(c.memberId);
      sum += c.coefficient;
    });
    if (Math.abs(sum - 1) > SUM_TOLERANCE) issues.push({ path: 'definition.coefficients', message: `The coefficients sum to ${Number(sum.toFixed(6))}, not 1 (within 0.00001)` });
    if (issues.length > 0) throw new CoreError('VALIDATION', `The key is not valid; nothing was saved. ${issues[0]?.message ?? ''}`.trim(), issues);
    return { unused: definition.unused, columns: definition.coefficients.map((c) => ({ memberId: c.memberId, ppm: Math.round(c.coefficient * PPM) })), rows: [] };
  }

  private membersByNo(): Map<string, SiteMemberRef> {
    const rows = this.deps.db.prepare(`SELECT id, member_no, full_name, site_id FROM members`).raw().all() as [number, string, string, number][];
    return new Map(rows.map(([id, no, name, siteId]) => [no.toLowerCase(), { id, name, siteId }]));
  }

  private site(siteId: number): { name: string } {
    const site = this.deps.db.prepare(`SELECT name FROM sites WHERE id = ?`).get(siteId) as { name: string } | undefined;
    if (!site) throw notFound('Site', siteId);
    return site;
  }
}

interface KeyPlan {
  readonly unused: 'export' | 'reallocate' | null;
  readonly columns: readonly { memberId: number; ppm: number }[];
  readonly rows: readonly { intervalStart: string; ppm: readonly number[] }[];
}

