// The documents of an agreement: the terms PDF (frozen in the database once proposed, so a later
// library upgrade can never change a signed document) and the proof pack.
import type { Database } from 'better-sqlite3';
import type { Agreement, DocumentFile, MultisigCancellation, Signature } from '../../contract/agreements.js';
import type { AgreementChainCall } from './agreement-chain-calls.js';
import { CoreError } from '../api/core-error.js';
import type { EquipmentRepo } from '../equipment/equipment-repo.js';
import { describeEquipment } from '../equipment/equipment-service.js';
import type { AgreementsRepo } from './agreements-repo.js';
import { buildProofPack, ProofPackError } from './proof-pack.js';
import { renderTermsPdf, sha256Hex, type TermsDocumentData } from './terms-document.js';
import { instalmentSchedule, keyTermAttributes } from './terms-rules.js';

export class AgreementDocuments {
  constructor(
    private readonly db: Database,
    private readonly repo: AgreementsRepo,
    private readonly equipment: EquipmentRepo,
    private readonly cooperative: () => { readonly name: string; readonly currency: string },
  ) {}

  /** Renders a version's terms (deterministic for the same stored data). */
  async render(agreement: Agreement, version: number): Promise<{ pdf: Buffer; sha256: string }> {
    const pdf = await renderTermsPdf(this.documentData(agreement, version));
    return { pdf, sha256: sha256Hex(pdf) };
  }

  async termsDocument(agreement: Agreement, version: number | null): Promise<DocumentFile> {
    const v = version ?? agreement.version;
    const stored = this.repo.version(agreement.id, v);
    if (!stored) throw new CoreError('NOT_FOUND', `Agreement ${agreement.id} has no version ${v}.`);
    // Frozen (proposed) versions are served as signed; drafts are rendered as they stand.
    const pdf = stored.termsPdf ?? (await this.render(agreement, v)).pdf;
    const draft = stored.termsPdf ? '' : '-draft';
    return { fileName: `agreement-${agreement.id}-v${v}${draft}.pdf`, mediaType: 'application/pdf', base64: pdf.toString('base64'), sha256: sha256Hex(pdf) };
  }

  proofPack(agreement: Agreement, signatures: readonly Signature[], chain: { call: AgreementChainCall | null; cancellation: MultisigCancellation | null } = { call: null, cancellation: null }): DocumentFile {
    const stored = this.repo.version(agreement.id, agreement.version);
    if (!stored?.termsPdf || !stored.termsHash) {
      throw new CoreError('CONFLICT', `Agreement ${agreement.id} is a draft: it has no frozen terms document yet. Propose it first.`);
    }
    try {
      const zip = buildProofPack({
        agreement,
        version: agreement.version,
        termsPdf: stored.termsPdf,
        termsHash: stored.termsHash,
        signatures,
        attributes: keyTermAttributes(agreement.terms),
        asOf: agreement.updatedAt,
        chainCall: chain.call,
        cancellation: chain.cancellation,
      });
      return { fileName: `agreement-${agreement.id}-proof-pack.zip`, mediaType: 'application/zip', base64: Buffer.from(zip).toString('base64'), sha256: sha256Hex(zip) };
    } catch (error) {
      if (error instanceof ProofPackError) throw new CoreError('CONFLICT', error.message);
      throw error;
    }
  }

  private documentData(agreement: Agreement, version: number): TermsDocumentData {
    const stored = this.repo.version(agreement.id, version);
    if (!stored) throw new CoreError('NOT_FOUND', `Agreement ${agreement.id} has no version ${version}.`);
    const terms = stored.terms;
    const parties = this.repo.parties(agreement.id, version).map((p) => ({ role: p.role, memberNo: p.memberNo, name: p.memberName }));
    const item = terms.kind === 'p2p_sale' ? null : this.equipment.byId(terms.equipmentId);
    const name = (sql: string, id: number) => (this.db.prepare(sql).get(id) as { name: string } | undefined)?.name ?? null;
    return {
      agreementId: agreement.id,
      version,
      createdAt: stored.createdAt,
      title: agreement.title,
      cooperative: this.cooperative(),
      siteName: agreement.siteName,
      parties,
      terms,
      equipment: item ? { description: describeEquipment(item) + (item.storageWh ? `, ${item.storageWh} Wh` : ''), serial: item.serial } : null,
      tariffPlanName: terms.kind === 'p2p_sale' && terms.priceRule.mode === 'tariff' ? name('SELECT name FROM tariff_plans WHERE id = ?', terms.priceRule.tariffPlanId) : null,
      buyerSiteName: terms.kind === 'p2p_sale' && terms.buyers.mode === 'site' ? name('SELECT name FROM sites WHERE id = ?', terms.buyers.siteId) : null,
      instalments: instalmentSchedule(terms),
    };
  }
}
