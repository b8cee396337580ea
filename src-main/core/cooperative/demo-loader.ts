// Writes the demo village in one transaction (all or nothing), with progress events.
import type { Database } from 'better-sqlite3';
import type { DemoLoadResult, OperatorPublic } from '../../contract/session.js';
import { CoreError } from '../api/core-error.js';
import type { EventBus } from '../api/event-bus.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import type { MembersRepo } from '../members/members-repo.js';
import type { SitesRepo } from '../members/sites-repo.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { DEMO_SITES, demoMembers } from './demo-village.js';

export function loadDemoVillage(
  deps: { db: Database; clock: Clock; audit: AuditRepo; events: EventBus; members: MembersRepo; sites: SitesRepo },
  actor: OperatorPublic,
): DemoLoadResult {
  if (deps.members.count() > 0) {
    throw new CoreError('CONFLICT', 'The demo village can only be loaded into a cooperative that has no members yet.');
  }
  const people = demoMembers(deps.clock.now());
  const total = DEMO_SITES.length + people.length;
  deps.db.transaction(() => {
    const at = isoNow(deps.clock);
    const siteIds = DEMO_SITES.map((site) => deps.sites.byName(site.name)?.id ?? deps.sites.insert({ ...site, createdAt: at }));
    deps.events.emit('job.progress', { job: 'demo.load', done: DEMO_SITES.length, total, label: 'Sites created' });
    people.forEach((person, index) => {
      deps.members.insert({ ...person.fields, siteId: siteIds[person.siteIndex] as number }, at);
      if ((index + 1) % 20 === 0) deps.events.emit('job.progress', { job: 'demo.load', done: DEMO_SITES.length + index + 1, total, label: 'Members registered' });
    });
    deps.audit.record({ operatorId: actor.id, action: 'demo.load', entity: 'cooperative', entityId: 1, summary: `Demo village loaded: ${DEMO_SITES.length} sites, ${people.length} members` });
  }).immediate();
  deps.events.emit('job.progress', { job: 'demo.load', done: total, total, label: 'Demo village ready' });
  deps.events.emit('members.changed', { reason: 'demo' });
  return { sites: DEMO_SITES.length, members: people.length };
}
