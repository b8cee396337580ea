// A member's statement as a PDF (A4, built-in Helvetica, the member's language): page 1 is the
// summary (energy, savings, self-sufficiency, tokens, account), the daily energy chart, the source
// mix and the QR code; page 2 lists every line and the payments. The charts are drawn with pdfkit's
// own shapes from the statement's numbers (no browser, no SVG step). The statement data itself is
// attached to the PDF (`statement.json`), so the PDF alone suffices to verify it
// (npm run verify-statement). No clock: CreationDate is the posting time, so the same statement
// always renders to the same bytes.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { ENERGY_SOURCES } from '../../contract/energy.js';
import type { StatementDocument } from '../../contract/statements.js';
import { statementQrText } from './statement-qr.js';
import { balanceText, dayText, kwhText, moneyText, percentText, signedMoneyText, statementWords } from './statement-words.js';

export const STATEMENT_ATTACHMENT = 'statement.json';
const COLORS = { self: '#2e7d32', community: '#1976d2', main: '#9e9e9e', sold: '#f9a825' };
const SOURCE_COLORS: Record<string, string> = { solar: '#f9a825', wind: '#4fc3f7', hydro: '#1565c0', biogas: '#6d4c41', battery: '#7b1fa2', other: '#757575' };
const LEFT = 42;
const WIDTH = 595.28 - 2 * LEFT;

export function statementFileName(doc: Pick<StatementDocument, 'period' | 'member'>): string {
  return `statement-${doc.period.from.slice(0, 7)}-${doc.member.memberNo.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`;
}

export function renderStatementPdf(statement: StatementDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const when = new Date(statement.period.postedAt ?? `${statement.period.to}T00:00:00Z`);
    const w = statementWords(statement.locale);
    const doc = new PDFDocument({
      size: 'A4',
      margin: LEFT,
      compress: true,
      lang: statement.locale,
      info: { Title: `${w.title} ${statement.member.memberNo} ${statement.period.from} – ${statement.period.to}`, Author: statement.cooperativeName, Subject: w.title, Keywords: statement.hash, Creator: 'Coop Console', Producer: 'Coop Console (pdfkit)', CreationDate: when },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      doc.file(Buffer.from(JSON.stringify(statement), 'utf8'), { name: STATEMENT_ATTACHMENT, type: 'application/json', description: 'Statement data (coop-statement v1), verifiable against the chain', creationDate: when, modifiedDate: when });
      summaryPage(doc, statement);
      doc.addPage();
      linesPage(doc, statement);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

function summaryPage(doc: PDFKit.PDFDocument, s: StatementDocument): void {
  const w = statementWords(s.locale);
  const money = (minor: number) => moneyText(minor, s.currency, s.locale);
  const kwh = (wh: number) => kwhText(wh, s.locale);
  doc.font('Helvetica-Bold').fontSize(15).fillColor('black').text(s.cooperativeName);
  doc.fontSize(12).text(w.title);
  doc.font('Helvetica').fontSize(10).moveDown(0.3);
  doc.text(`${w.member}: ${s.member.fullName} (${s.member.memberNo})`);
  const day = (iso: string) => dayText(iso, s.locale);
  doc.text(`${w.period}: ${day(s.period.from)} – ${day(s.period.to)}    ${w.site}: ${s.period.siteName}`);
  if (s.period.postedAt) doc.text(`${w.posted}: ${day(s.period.postedAt)}`);

  const top = doc.y + 10;
  const col = WIDTH / 2 - 8;
  // Left column: energy. Right column: money.
  let y = rows(doc, LEFT, top, col, w.energySummary, [
    [w.self, kwh(s.energy.selfWh)],
    [w.community, kwh(s.energy.communityWh)],
    ...ENERGY_SOURCES.filter((k) => s.energy.communityBySource[k] > 0).map((k): [string, string] => [`   ${w.sources[k] ?? k}`, kwh(s.energy.communityBySource[k])]),
    [w.main, kwh(s.energy.mainWh)],
    [w.consumed, kwh(s.energy.consumedWh)],
    [w.sold, kwh(s.energy.soldWh)],
    ...(s.energy.estimatedWh > 0 ? [[`* ${w.estimated}`, kwh(s.energy.estimatedWh)] as [string, string]] : []),
    ...(s.energy.unattestedWh > 0 ? [[`† ${w.unattested}`, kwh(s.energy.unattestedWh)] as [string, string]] : []),
  ]);
  y = rows(doc, LEFT, y + 6, col, w.savings, [
    [w.mainOnly, money(s.savings.mainOnlyBillMinor)],
    [w.actual, money(s.savings.actualCostMinor)],
    [w.saved, money(s.savings.savingsMinor)],
    [w.sufficiency, percentText(s.selfSufficiencyBp, s.locale)],
  ]);
  const right = LEFT + col + 16;
  // Balances in words ("You owe …" / "In credit: …", as the kiosk says them); the period's movements signed.
  const balance = (minor: number) => balanceText(minor, s.currency, s.locale);
  const signed = (minor: number) => signedMoneyText(minor, s.currency, s.locale);
  let y2 = rows(doc, right, top, col, w.balance, [
    [w.broughtForward, balance(s.money.broughtForwardMinor)],
    [w.net, signed(s.money.netMinor)],
    [w.paid, signed(s.money.paymentsMinor)],
    ...(s.money.otherMinor !== 0 ? [[w.other, signed(s.money.otherMinor)] as [string, string]] : []),
    [w.carried, balance(s.money.carriedMinor)],
  ], 130);
  doc.font('Helvetica').fontSize(7.5).fillColor('#555').text(w.balanceNote, right, y2, { width: col });
  y2 = doc.y + 6;
  const awards = s.tokens.awards.map((a): [string, string] => [`   ${w.sources[a.source] ?? a.source}, ${kwh(a.wh)}${a.attested ? '' : ' †'}`, String(a.tokens)]);
  y2 = rows(doc, right, y2, col, w.tokens, s.tokens.available && s.tokens.earned > 0 ? [[w.tokensEarned, String(s.tokens.earned)], ...awards, [w.tokensBonus, String(s.tokens.bonus)]] : [[w.tokensNone, '']]);

  const chartTop = Math.max(y, y2) + 12;
  dailyChart(doc, s, LEFT, chartTop, WIDTH, 150);
  const mixTop = chartTop + 185;
  mixChart(doc, s, LEFT, mixTop, WIDTH - 150);
  qrBlock(doc, s, mixTop);
}

/** A titled block of label → value rows; returns the y below it. */
function rows(doc: PDFKit.PDFDocument, x: number, y: number, width: number, title: string, items: readonly (readonly [string, string])[], valueWidth = 90): number {
  doc.font('Helvetica-Bold').fontSize(10.5).fillColor('black').text(title, x, y, { width });
  let at = doc.y + 2;
  doc.font('Helvetica').fontSize(9);
  for (const [label, value] of items) {
    const h = Math.max(doc.heightOfString(label, { width: width - valueWidth }), 11);
    doc.fillColor('#222').text(label, x, at, { width: width - valueWidth });
    doc.text(value, x + width - valueWidth, at, { width: valueWidth, align: 'right' });
    at += h + 1;
  }
  return at;
}

function dailyChart(doc: PDFKit.PDFDocument, s: StatementDocument, x: number, y: number, width: number, height: number): void {
  const w = statementWords(s.locale);
  doc.font('Helvetica-Bold').fontSize(10.5).fillColor('black').text(w.daily, x, y);
  const top = y + 16;
  const axis = 28;
  const plotW = width - axis;
  const days = s.days;
  const max = Math.max(1, ...days.map((d) => d.selfWh + d.communityWh + d.mainWh), ...days.map((d) => d.soldWh));
  const scale = (height - 14) / max;
  doc.font('Helvetica').fontSize(7).fillColor('#555');
  for (const f of [0, 0.5, 1]) {
    const yy = top + height - 14 - f * (height - 14);
    doc.text(kwhText(max * f, s.locale).replace(' kWh', ''), x, yy - 3, { width: axis - 3, align: 'right' });
    doc.moveTo(x + axis, yy).lineTo(x + width, yy).lineWidth(0.3).strokeColor('#ccc').stroke();
  }
  const slot = days.length > 0 ? plotW / days.length : plotW;
  const bar = Math.max(1, slot * 0.62);
  days.forEach((d, i) => {
    let base = top + height - 14;
    const bx = x + axis + i * slot + (slot - bar) / 2;
    for (const [wh, color] of [[d.selfWh, COLORS.self], [d.communityWh, COLORS.community], [d.mainWh, COLORS.main]] as const) {
      const h = wh * scale;
      if (h > 0) doc.rect(bx, base - h, bar * 0.7, h).fill(color);
      base -= h;
    }
    const sold = d.soldWh * scale;
    if (sold > 0) doc.rect(bx + bar * 0.7, top + height - 14 - sold, bar * 0.3, sold).fill(COLORS.sold);
    if (days.length <= 31 && (i % 5 === 0 || i === days.length - 1)) doc.fillColor('#555').fontSize(6.5).text(d.date.slice(8), bx - 4, top + height - 11, { width: bar + 8, align: 'center' });
  });
  let lx = x + axis;
  for (const [label, color] of [[w.self, COLORS.self], [w.community, COLORS.community], [w.main, COLORS.main], [w.sold, COLORS.sold]] as const) {
    doc.rect(lx, top + height + 2, 7, 7).fill(color);
    doc.fillColor('#222').fontSize(7.5).text(label, lx + 10, top + height + 2.5, { lineBreak: false });
    lx += 20 + doc.widthOfString(label);
  }
}

function mixChart(doc: PDFKit.PDFDocument, s: StatementDocument, x: number, y: number, width: number): void {
  const w = statementWords(s.locale);
  doc.font('Helvetica-Bold').fontSize(10.5).fillColor('black').text(w.mix, x, y);
  const parts: [string, number, string][] = [[w.self, s.energy.selfWh, COLORS.self]];
  for (const k of ENERGY_SOURCES) if (s.energy.communityBySource[k] > 0) parts.push([`${w.community}: ${w.sources[k] ?? k}`, s.energy.communityBySource[k], SOURCE_COLORS[k] ?? '#777']);
  parts.push([w.main, s.energy.mainWh, COLORS.main]);
  const total = Math.max(1, s.energy.consumedWh);
  let at = x;
  const barY = y + 18;
  for (const [, wh, color] of parts) {
    const seg = (wh / total) * width;
    if (seg > 0) doc.rect(at, barY, seg, 18).fill(color);
    at += seg;
  }
  let ly = barY + 26;
  doc.font('Helvetica').fontSize(8.5);
  for (const [label, wh, color] of parts) {
    doc.rect(x, ly + 1, 8, 8).fill(color);
    doc.fillColor('#222').text(`${label}: ${kwhText(wh, s.locale)} (${percentText(Math.floor((wh * 10_000) / total), s.locale)})`, x + 12, ly, { width: width - 12 });
    ly += 12;
  }
}

function qrBlock(doc: PDFKit.PDFDocument, s: StatementDocument, y: number): void {
  const w = statementWords(s.locale);
  const size = 130;
  const x = LEFT + WIDTH - size;
  if (s.anchor === null) {
    doc.font('Helvetica').fontSize(8).fillColor('#b00020').text(w.notAnchored, x, y, { width: size });
  } else {
    const qr = QRCode.create(statementQrText({ period: s.period, member: s.member, hash: s.hash, anchor: s.anchor }), { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const cell = size / (n + 8);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + (c + 4) * cell, y + (r + 4) * cell, cell, cell);
    doc.fill('black');
  }
  const textY = y + size + 4;
  doc.font('Helvetica-Bold').fontSize(9).fillColor('black').text(w.verify, LEFT, textY);
  doc.font('Helvetica').fontSize(8).fillColor('#222').text(w.verifyText, LEFT, doc.y + 1, { width: WIDTH });
  doc.font('Courier').fontSize(7.5).text(`${w.hash}: ${s.hash}`, LEFT, doc.y + 3, { width: WIDTH });
  if (s.anchor) doc.text(`${w.anchor} ${s.anchor.blockNumber} (${s.anchor.blockHash.slice(0, 18)}…), ${w.extrinsic} ${s.anchor.extrinsicIndex}; ${w.root} ${s.anchor.root}`, { width: WIDTH });
}

function linesPage(doc: PDFKit.PDFDocument, s: StatementDocument): void {
  const w = statementWords(s.locale);
  const money = (minor: number) => moneyText(minor, s.currency, s.locale);
  doc.font('Helvetica-Bold').fontSize(12).fillColor('black').text(w.lines, LEFT, LEFT);
  const cols = [LEFT, LEFT + 40, LEFT + 330, LEFT + 420];
  const header = (yy: number) => {
    doc.font('Helvetica-Bold').fontSize(8.5).fillColor('#333');
    doc.text('#', cols[0], yy).text(w.line, cols[1], yy).text(w.energy, cols[2], yy, { width: 80, align: 'right' }).text(w.amount, cols[3], yy, { width: WIDTH - 420, align: 'right' });
    return yy + 13;
  };
  let y = header(doc.y + 6);
  doc.font('Helvetica').fontSize(8.5);
  for (const line of s.lines) {
    if (y > 780) {
      doc.addPage();
      y = header(LEFT);
      doc.font('Helvetica').fontSize(8.5);
    }
    const label = `${w.codes[line.code] ?? line.code}${line.counterparty.startsWith('member:') ? ` (${w.member.toLowerCase()} ${line.counterparty.slice(7)})` : ''}`;
    doc.fillColor('#222').text(String(line.lineId), cols[0], y, { width: 38 });
    doc.text(label, cols[1], y, { width: 285 });
    const h = doc.heightOfString(label, { width: 285 });
    doc.text(line.quantityWh > 0 ? kwhText(line.quantityWh, s.locale) : '', cols[2], y, { width: 80, align: 'right' });
    doc.text(money(line.amountMinor), cols[3], y, { width: WIDTH - 420, align: 'right' });
    doc.fontSize(6.5).fillColor('#777').text(line.sources, cols[1], y + h, { width: 285 }).fontSize(8.5);
    y += h + 10;
  }
  doc.moveTo(LEFT, y).lineTo(LEFT + WIDTH, y).lineWidth(0.5).strokeColor('#999').stroke();
  doc.font('Helvetica-Bold').fillColor('black').text(w.total, cols[1], y + 4).text(money(s.money.netMinor), cols[3], y + 4, { width: WIDTH - 420, align: 'right' });
  doc.font('Helvetica-Bold').fontSize(10.5).text(w.payments, LEFT, y + 26);
  doc.font('Helvetica').fontSize(9);
  if (s.payments.length === 0) doc.text(w.paymentsNone);
  for (const p of s.payments) doc.text(`${dayText(p.receivedOn, s.locale)}  ${p.receiptNo}  ${w.methods[p.method] ?? p.method}  ${money(p.amountMinor)}`);
}
