// Members and sites use cases. Every write runs in one transaction together with its audit row,
// so a failure leaves neither a half-written member nor an unexplained change.
import type { Database } from 'better-sqlite3';
import type { OperatorPublic } from '../../contract/session.js';
import type { ImportPreview, ImportResult, Member, MemberDetail, MemberFieldsValue, Site, CsvExport } from '../../contract/members.js';
import { CoreError, refusal, notFound } from '../api/core-error.js';
import { ruleIssue } from '../../contract/issues.js';
import type { EventBus } from '../api/event-bus.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { MembersRepo, type MemberQuery } from './members-repo.js';
import { addIssue, membersToCsv, parseMembersCsv, type ParsedCsv } from './members-csv.js';
import { echo, issue } from './import-issues.js';
import { SitesRepo } from './sites-repo.js';

export interface MembersDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRepo;
  readonly events: EventBus;
}

type MemberFilter = Pick<MemberQuery, 'search' | 'siteId' | 'role' | 'status'>;

export class MembersService {
  readonly members: MembersRepo;
  readonly sites: SitesRepo;

  constructor(private readonly deps: MembersDeps) {
    this.members = new MembersRepo(deps.db);
    this.sites = new SitesRepo(deps.db);
  }

  list(query: MemberQuery) {
    return this.members.query(query);
  }

  get(id: number): MemberDetail {
    const member = this.mustGet(id);
    return { member, history: this.deps.audit.list({ entity: 'member', entityId: String(id), beforeId: null, limit: 100 }) };
  }

  create(actor: OperatorPublic, fields: MemberFieldsValue): Member {
    this.requireSite(fields.siteId);
    const id = this.write(() => {
      this.assertMemberNoFree(fields.memberNo, null);
      const newId = this.members.insert(fields, isoNow(this.deps.clock));
      this.deps.audit.record({ operatorId: actor.id, action: 'create', entity: 'member', entityId: newId, summary: `Member ${fields.memberNo} ${fields.fullName} registered`, summaryCode: 'member.created', summaryParams: { memberNo: fields.memberNo, name: fields.fullName }, after: fields });
      return newId;
    });
    this.deps.events.emit('members.changed', { reason: 'create' });
    return this.mustGet(id);
  }

  update(actor: OperatorPublic, id: number, changes: Partial<MemberFieldsValue>): Member {
    const before = this.mustGet(id);
    const { id: _id, siteName: _s, active: _a, deactivatedReason: _d, createdAt: _c, updatedAt: _u, ...current } = before;
    const next: MemberFieldsValue = { ...current, ...changes };
    if (changes.siteId !== undefined) this.requireSite(changes.siteId);
    this.write(() => {
      this.assertMemberNoFree(next.memberNo, id);
      this.members.update(id, next, isoNow(this.deps.clock));
      const changed = Object.keys(changes).filter((key) => JSON.stringify(changes[key as keyof MemberFieldsValue]) !== JSON.stringify(current[key as keyof MemberFieldsValue]));
      this.deps.audit.record({ operatorId: actor.id, action: 'update', entity: 'member', entityId: id, summary: `Changed ${changed.join(', ') || 'nothing'}`, summaryCode: 'member.updated', summaryParams: { fields: changed }, before: current, after: next });
    });
    this.deps.events.emit('members.changed', { reason: 'update' });
    return this.mustGet(id);
  }

  setActive(actor: OperatorPublic, id: number, active: boolean, reason: string): Member {
    const before = this.mustGet(id);
    if (!active && !reason.trim()) throw new CoreError('VALIDATION', 'Say why the member is deactivated.', [{ path: 'reason', message: 'Required when deactivating' }]);
    if (before.active === active) return before;
    this.write(() => {
      this.members.setActive(id, active, reason, isoNow(this.deps.clock));
      this.deps.audit.record({ operatorId: actor.id, action: active ? 'reactivate' : 'deactivate', entity: 'member', entityId: id, summary: active ? 'Reactivated' : `Deactivated: ${reason}`, summaryCode: active ? 'member.reactivated' : 'member.deactivated', summaryParams: { reason } });
    });
    this.deps.events.emit('members.changed', { reason: active ? 'reactivate' : 'deactivate' });
    return this.mustGet(id);
  }

  importPreview(csv: string): ImportPreview {
    const parsed = this.parseCsv(csv);
    const rows = parsed.rows.map((row) => ({
      line: row.line,
      memberNo: row.cells.member_no ?? '',
      fullName: row.cells.full_name ?? '',
      siteName: row.cells.site ?? '',
      issues: row.issues,
    }));
    const invalidCount = rows.filter((r) => r.issues.length > 0).length;
    return { columns: parsed.columns, fileIssues: parsed.fileIssues, rows, validCount: rows.length - invalidCount, invalidCount };
  }

  importCommit(actor: OperatorPublic, csv: string, mode: 'all-or-nothing' | 'valid-only'): ImportResult {
    const parsed = this.parseCsv(csv);
    const fileIssue = parsed.fileIssues[0];
    if (fileIssue) {
      throw new CoreError('IMPORT_REJECTED', `${fileIssue.message} Nothing was imported.`, parsed.fileIssues.map((one) => ({ path: `line ${one.line}`, message: one.message })));
    }
    const invalid = parsed.rows.filter((row) => row.issues.length > 0);
    if (mode === 'all-or-nothing' && invalid.length > 0) {
      const first = invalid[0]?.issues[0];
      throw new CoreError(
        'IMPORT_REJECTED',
        `${invalid.length} row(s) have errors (first: ${first?.message}) Nothing was imported. Fix the file, or choose to import only the valid rows.`,
        invalid.slice(0, 50).flatMap((row) => row.issues.map((one) => ({ path: `line ${one.line}.${one.column ?? ''}`, message: one.message }))),
      );
    }
    const valid = parsed.rows.filter((row) => row.fields !== null);
    const total = valid.length;
    this.write(() => {
      const at = isoNow(this.deps.clock);
      valid.forEach((row, index) => {
        if (row.fields) {
          // One audit row per member, so each member's history starts with where it came from.
          const id = this.members.insert(row.fields, at);
          this.deps.audit.record({ operatorId: actor.id, action: 'import', entity: 'member', entityId: id, summary: `Imported from CSV line ${row.line}`, summaryCode: 'member.imported', summaryParams: { line: row.line }, after: row.fields });
        }
        if ((index + 1) % 500 === 0) this.deps.events.emit('job.progress', { job: 'members.import', done: index + 1, total, label: 'Importing members' });
      });
      this.deps.audit.record({ operatorId: actor.id, action: 'import', entity: 'members', entityId: null, summary: `Imported ${total} member(s) from CSV; ${invalid.length} row(s) skipped`, summaryCode: 'members.imported', summaryParams: { count: total, skipped: invalid.length } });
    });
    this.deps.events.emit('job.progress', { job: 'members.import', done: total, total, label: 'Import finished' });
    this.deps.events.emit('members.changed', { reason: 'import' });
    return { created: total, skipped: invalid.length };
  }

  exportCsv(filter: MemberFilter): CsvExport {
    const { rows } = this.members.query({ ...filter, sort: 'memberNo', order: 'asc', limit: 1_000_000, offset: 0 });
    const date = isoNow(this.deps.clock).slice(0, 10);
    return { fileName: `members-${date}.csv`, csv: membersToCsv(rows), count: rows.length };
  }

  listSites(): Site[] {
    return this.sites.list();
  }

  createSite(actor: OperatorPublic, fields: { name: string; village: string; description: string }): Site {
    if (this.sites.byName(fields.name)) throw refusal('CONFLICT', 'siteNameTaken', `A site named "${fields.name}" exists already.`, { name: fields.name });
    const id = this.write(() => {
      const newId = this.sites.insert({ ...fields, createdAt: isoNow(this.deps.clock) });
      this.deps.audit.record({ operatorId: actor.id, action: 'create', entity: 'site', entityId: newId, summary: `Site ${fields.name} created`, summaryCode: 'site.created', summaryParams: { name: fields.name }, after: fields });
      return newId;
    });
    this.deps.events.emit('members.changed', { reason: 'site' });
    return this.requireSite(id);
  }

  updateSite(actor: OperatorPublic, id: number, changes: Partial<{ name: string; village: string; description: string }>): Site {
    const before = this.requireSite(id);
    const next = { name: changes.name ?? before.name, village: changes.village ?? before.village, description: changes.description ?? before.description };
    const clash = this.sites.byName(next.name);
    if (clash && clash.id !== id) throw refusal('CONFLICT', 'siteNameTaken', `A site named "${next.name}" exists already.`, { name: next.name });
    this.write(() => {
      this.sites.update(id, next);
      this.deps.audit.record({ operatorId: actor.id, action: 'update', entity: 'site', entityId: id, summary: `Site ${before.name} edited`, summaryCode: 'site.updated', summaryParams: { name: before.name }, before, after: next });
    });
    this.deps.events.emit('members.changed', { reason: 'site' });
    return this.requireSite(id);
  }

  private parseCsv(csv: string): ParsedCsv {
    const parsed = parseMembersCsv(csv, (name) => this.sites.byName(name)?.id ?? null, isoNow(this.deps.clock).slice(0, 10));
    const taken = this.members.existingMemberNos(parsed.rows.map((row) => row.cells.member_no ?? '').filter(Boolean));
    for (const row of parsed.rows) {
      const memberNo = row.cells.member_no ?? '';
      if (taken.has(memberNo.toLowerCase())) addIssue(row, parsed.columns, issue(row.line, 'member_no', 'already_registered', { value: echo(memberNo) }));
    }
    return { ...parsed, rows: parsed.rows.map((row) => (row.issues.length ? { ...row, fields: null } : row)) };
  }

  private write<T>(work: () => T): T {
    return this.deps.db.transaction(work).immediate();
  }

  private assertMemberNoFree(memberNo: string, exceptId: number | null): void {
    const row = this.deps.db.prepare('SELECT id FROM members WHERE member_no = ? COLLATE NOCASE').get(memberNo) as { id: number } | undefined;
    if (row && row.id !== exceptId) throw refusal('CONFLICT', 'memberNoTaken', `Member number ${memberNo} is already used by another member.`, { memberNo }, [ruleIssue('memberNo', 'alreadyUsed', 'Already used')]);
  }

  private mustGet(id: number): Member {
    const member = this.members.byId(id);
    if (!member) throw notFound('Member', id);
    return member;
  }

  private requireSite(id: number): Site {
    const site = this.sites.byId(id);
    if (!site) throw refusal('NOT_FOUND', 'notFound', `Site ${id} does not exist.`, {}, [ruleIssue('siteId', 'unknownSite', 'Unknown site')]);
    return site;
  }
}
