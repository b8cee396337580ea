// Builds the equipment, marketplace, agreements and tariffs services over one open database.
// The agreement registrar defaults to LocalOnlyRegistrar (NOT on chain) until the chain work passes its own.
import type { Database } from 'better-sqlite3';
import { AgreementsService } from '../agreements/agreements-service.js';
import { LocalOnlyRegistrar } from '../agreements/local-only-registrar.js';
import type { AgreementRegistrar } from '../agreements/registrar.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import type { CooperativeRepo } from '../cooperative/cooperative-repo.js';
import { EquipmentService } from '../equipment/equipment-service.js';
import type { Clock } from '../platform/clock.js';
import { TariffsService } from '../tariffs/tariffs-service.js';
import { MarketplaceService } from './marketplace-service.js';

export interface MarketServices {
  readonly equipment: EquipmentService;
  readonly marketplace: MarketplaceService;
  readonly agreements: AgreementsService;
  readonly tariffs: TariffsService;
}

export interface MarketServicesDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRepo;
  readonly cooperative: CooperativeRepo;
  readonly registrar?: AgreementRegistrar;
  /** Seam for the settlement work: the settled horizon of a site. */
  readonly settledUntil?: (siteId: number) => string | null;
}

export function buildMarketServices(deps: MarketServicesDeps): MarketServices {
  const { db, clock, audit } = deps;
  const coop = () => deps.cooperative.get();
  const equipment = new EquipmentService({ db, clock, audit });
  const agreements = new AgreementsService({
    db,
    clock,
    audit,
    equipment: equipment.repo,
    registrar: deps.registrar ?? new LocalOnlyRegistrar(),
    cooperative: () => ({ name: coop()?.name ?? 'Cooperative', currency: coop()?.currency ?? 'XXX' }),
  });
  const marketplace = new MarketplaceService({ db, clock, audit, equipment: equipment.repo, agreements });
  const tariffs = new TariffsService({ db, clock, audit, timeZone: () => coop()?.timezone ?? 'UTC', ...(deps.settledUntil ? { settledUntil: deps.settledUntil } : {}) });
  return { equipment, marketplace, agreements, tariffs };
}
