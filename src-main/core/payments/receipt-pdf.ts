// The printable receipt of a payment, in the house style of the agreement documents
// (agreements/terms-document.ts): A4, built-in Helvetica, no clock — CreationDate is the payment's
// own booking time, so the same payment always renders to the same bytes.
import PDFDocument from 'pdfkit';
import type { AllocationBucketName, PaymentView } from '../../contract/payments.js';
import { formatMoney } from '../agreements/terms-document.js';

export interface ReceiptData {
  readonly payment: PaymentView;
  readonly cooperative: { readonly name: string };
}

const BUCKET_TITLE: Record<AllocationBucketName, string> = { arrears: 'Arrears', instalment: 'Instalments due', 'fixed-fee': 'Fixed fees', energy: 'Energy' };
const CODE_TITLE: Record<string, string> = { energy: 'energy', 'fixed-fee': 'fixed fee', instalment: 'instalment', rent: 'rent', p2p: 'energy bought from a member', wheeling: 'grid fee', tax: 'tax', other: 'other charge' };
const METHOD_TITLE = { cash: 'Cash', 'mobile-money': 'Mobile money' } as const;

export function renderReceiptPdf(data: ReceiptData): Promise<Buffer> {
  const p = data.payment;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A5',
      margin: 42,
      compress: true,
      info: { Title: `Receipt ${p.receiptNo}`, Author: data.cooperative.name, Subject: 'Payment receipt', Creator: 'Coop Console', Producer: 'Coop Console (pdfkit)', CreationDate: new Date(p.createdAt) },
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

function write(doc: PDFKit.PDFDocument, { payment: p, cooperative }: ReceiptData): void {
  const money = (minor: number) => formatMoney(minor, p.currency);
  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11).text(text).font('Helvetica').fontSize(10).moveDown(0.2);
  const line = (label: string, value: string) => doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);

  doc.font('Helvetica-Bold').fontSize(15).text(cooperative.name);
  doc.fontSize(12).text(`Payment receipt ${p.receiptNo}`);
  if (p.status === 'reversed') doc.fillColor('#b00020').text(`REVERSED on ${p.reversal?.at.slice(0, 10) ?? ''}: ${p.reversal?.reason ?? ''}`).fillColor('black');
  doc.moveDown(0.5).font('Helvetica').fontSize(10);
  line('Received from', p.memberName ? `${p.memberName} (member ${p.memberNo ?? ''})` : 'not yet known (held in suspense)');
  line('Amount', money(p.amountMinor));
  line('Method', METHOD_TITLE[p.method]);
  line('Reference', p.reference);
  line('Date', p.receivedAt ?? p.receivedOn);
  line('Taken by', p.takenBy ?? '—');

  if (p.allocations.length) {
    heading('How it was applied');
    doc.fontSize(9).text('In this order: arrears, instalments due, fixed fees, energy; what is left stays on the account as energy credit.').fontSize(10).moveDown(0.3);
    for (const a of p.allocations) {
      const what = a.code === null ? 'credit on the account' : `${CODE_TITLE[a.code] ?? a.code}${a.instalmentNo ? ` no. ${a.instalmentNo}` : ''}${a.agreementId ? `, agreement ${a.agreementId}` : ''}${a.settles ? ' (paid off)' : ''}`;
      const y = doc.y;
      doc.text(`${BUCKET_TITLE[a.bucket]} — ${what}`, doc.page.margins.left, y, { width: 230 });
      const after = doc.y;
      doc.text(money(a.amountMinor), doc.page.margins.left + 230, y, { width: doc.page.width - doc.page.margins.left - doc.page.margins.right - 230, align: 'right' });
      doc.y = Math.max(after, doc.y);
      doc.x = doc.page.margins.left;
    }
    doc.moveDown(0.3).font('Helvetica-Bold').text(`Total ${money(p.amountMinor)}`, { align: 'right' }).font('Helvetica');
    doc.x = doc.page.margins.left;
  }
  if (p.completedAgreements.length) {
    heading('Paid off');
    doc.text(`This payment paid the last instalment of agreement ${p.completedAgreements.join(', ')}: the equipment now belongs to the member.`);
  }
  doc.moveDown(1.2).fontSize(8).fillColor('#555555').text(`Booked ${p.createdAt.slice(0, 19).replace('T', ' ')} UTC as journal entry ${p.journalEntryId}. Keep this receipt.`).fillColor('black');
}
