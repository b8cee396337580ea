// Renders an agreement version's terms as a PDF a member can read. The output is byte-for-byte
// reproducible for the same data (fixed creation date = the version's date, built-in fonts, no
// clock), so its SHA-256 — the terms hash — can be recomputed by anyone with the same console.
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { AgreementKind, AgreementTermsValue, Instalment, PartyRole } from '../../contract/agreements.js';
import { endsOn } from './terms-rules.js';

export interface TermsDocumentData {
  readonly agreementId: number;
  readonly version: number;
  /** The version's creation instant: the document's date and its PDF CreationDate. */
  readonly createdAt: string;
  readonly title: string;
  readonly cooperative: { readonly name: string; readonly currency: string };
  readonly siteName: string;
  readonly parties: readonly { readonly role: PartyRole; readonly memberNo: string; readonly name: string }[];
  readonly terms: AgreementTermsValue;
  readonly equipment: { readonly description: string; readonly serial: string } | null;
  readonly tariffPlanName: string | null;
  readonly buyerSiteName: string | null;
  readonly instalments: readonly Instalment[];
}

const KIND_TITLE: Record<AgreementKind, string> = {
  hosted_lease: 'Hosted lease with rent share',
  lease_to_own: 'Lease to own',
  p2p_sale: 'Peer-to-peer energy sale',
};
const ROLE_TITLE: Record<PartyRole, string> = { owner: 'Owner', host: 'Host', seller: 'Seller', buyer: 'Buyer', grid_operator: 'Distribution operator', government: 'Government agency' };

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function renderTermsPdf(data: TermsDocumentData): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      compress: true,
      info: {
        Title: `Agreement ${data.agreementId} version ${data.version}`,
        Author: data.cooperative.name,
        Subject: KIND_TITLE[data.terms.kind],
        Creator: 'Coop Console',
        Producer: 'Coop Console (pdfkit)',
        CreationDate: new Date(data.createdAt),
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      write(doc, data);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

function write(doc: PDFKit.PDFDocument, data: TermsDocumentData): void {
  const money = (minor: number) => formatMoney(minor, data.cooperative.currency);
  const rate = (milli: number) => `${formatRate(milli, data.cooperative.currency)} per kWh`;
  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text).font('Helvetica').fontSize(10).moveDown(0.2);
  const line = (label: string, value: string) => doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);

  doc.font('Helvetica-Bold').fontSize(16).text(data.cooperative.name);
  doc.fontSize(13).text(`${KIND_TITLE[data.terms.kind]} — agreement ${data.agreementId}, version ${data.version}`);
  doc.font('Helvetica').fontSize(10).text(data.title).text(`Site: ${data.siteName}. Document date: ${data.createdAt.slice(0, 10)}.`);

  heading('Parties');
  for (const party of data.parties) line(ROLE_TITLE[party.role], `${party.name} (member ${party.memberNo})`);
  if (data.terms.kind === 'p2p_sale' && data.terms.buyers.mode === 'site') line('Buyers', `any member of the site ${data.buyerSiteName ?? data.terms.buyers.siteId}`);

  heading('Term');
  line('Starts on', data.terms.startsOn);
  line('Ends on', endsOn(data.terms));

  const t = data.terms;
  heading('Terms');
  if (data.equipment) line('Equipment', `${data.equipment.description}${data.equipment.serial ? `, serial ${data.equipment.serial}` : ''}`);
  switch (t.kind) {
    case 'hosted_lease':
      line('Term', `${t.termYears} year(s)`);
      line('Energy rate', `the host pays the owner ${rate(t.energyRateMilliPerKwh)} for energy used from the equipment`);
      line('Rent share', `${formatBps(t.rentShareBps)} of those energy charges is returned to the host as rent`);
      line('Surplus sold to neighbours', `owner ${formatBps(t.surplusOwnerBps)}, host ${formatBps(10_000 - t.surplusOwnerBps)}`);
      line('End of term', END_OF_TERM[t.endOfTerm]);
      break;
    case 'lease_to_own':
      line('Price', money(t.priceMinor));
      line('Instalments', `${t.instalmentCount}, ${t.instalmentPeriod}`);
      line('Energy rate until paid off', rate(t.energyRateMilliPerKwh));
      line('Ownership', 'passes from the owner to the host when the last instalment is paid');
      doc.moveDown(0.3);
      for (const instalment of data.instalments) doc.text(`  ${instalment.number}. due ${instalment.dueOn}: ${money(instalment.amountMinor)}`);
      break;
    case 'p2p_sale':
      line('Price', t.priceRule.mode === 'fixed' ? rate(t.priceRule.rateMilliPerKwh) : `the tariff "${data.tariffPlanName ?? t.priceRule.tariffPlanId}" in force for each interval, less ${formatBps(t.priceRule.discountBps)}`);
      line('Term', `${t.termMonths} month(s)`);
      line('Grid (wheeling) fee', t.gridFee ? `${rate(t.gridFee.rateMilliPerKwh)} to the distribution operator` : 'none');
      line('Tax', t.tax ? `${formatBps(t.tax.rateBps)} to the government agency` : 'none');
      break;
  }
  if (t.notes) {
    heading('Further terms');
    doc.text(t.notes);
  }
  heading('Signatures');
  doc.text(
    'Each party approves exactly this document. Its SHA-256 is the terms hash recorded with the agreement; ' +
      'the approvals are recorded by the cooperative and listed in the agreement’s proof pack.',
  );
}

const END_OF_TERM = {
  equipment_returns_to_owner: 'the equipment returns to the owner',
  host_may_buy_at_residual: 'the host may buy the equipment at its residual value',
  renew_by_new_agreement: 'the parties may renew by a new agreement; otherwise the equipment returns to the owner',
} as const;

export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Exact decimal text of `value / 10^scale` (no floating point). */
function decimal(value: bigint, scale: number, minDecimals: number): string {
  const negative = value < 0n;
  const text = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = text.slice(0, text.length - scale) || '0';
  let fraction = scale > 0 ? text.slice(text.length - scale) : '';
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${negative ? '-' : ''}${group(whole)}${fraction ? `.${fraction}` : ''}`;
}

export const formatMoney = (minor: number, currency: string): string => {
  const digits = currencyDigits(currency);
  return `${currency} ${decimal(BigInt(minor), digits, digits)}`;
};
export const formatRate = (milliMinor: number, currency: string): string => {
  const digits = currencyDigits(currency);
  return `${currency} ${decimal(BigInt(milliMinor), digits + 3, digits)}`;
};
export const formatBps = (bps: number): string => `${decimal(BigInt(bps), 2, 0)} %`;
