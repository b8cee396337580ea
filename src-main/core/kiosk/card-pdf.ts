// The printable member card: ID-1 size (85.6 × 54 mm, what card printers and wallet sleeves take),
// the cooperative's name, the member's name and number, and the card code as a QR code a USB scanner
// at the kiosk reads (plus the code in letters, for typing by hand if a scanner fails). The language
// is the cooperative's. No clock inside: CreationDate is the issue time, so one issue renders to the
// same bytes.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export interface CardPdfData {
  readonly cooperativeName: string;
  readonly locale: 'en' | 'fr';
  readonly memberNo: string;
  readonly fullName: string;
  readonly siteName: string;
  readonly code: string;
  readonly issuedAt: string;
}

const MM = 72 / 25.4;
/** ISO/IEC 7810 ID-1, in PDF points. */
export const CARD_SIZE: [number, number] = [85.6 * MM, 54 * MM];

const TEXT = {
  en: { title: 'Member card', member: 'Member', site: 'Site', scan: 'Scan at the kiosk to see your account, energy and agreements.', issued: 'Issued', lost: 'Lost card? Tell the office: a new card stops this one.' },
  fr: { title: 'Carte de membre', member: 'Membre', site: 'Site', scan: 'Scannez à la borne pour voir votre compte, votre énergie et vos contrats.', issued: 'Émise le', lost: 'Carte perdue ? Prévenez le bureau : une nouvelle carte annule celle-ci.' },
} as const;

/** A QR code (error correction M: a scuffed card still reads) as a matrix of dark modules. */
function qrModules(code: string): { size: number; dark: (row: number, col: number) => boolean } {
  const qr = QRCode.create(code, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  return { size, dark: (row, col) => qr.modules.get(row, col) === 1 };
}

export function renderMemberCardPdf(data: CardPdfData): Promise<Buffer> {
  const text = TEXT[data.locale];
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: CARD_SIZE,
      margin: 0,
      compress: true,
      info: { Title: `${text.title} ${data.memberNo}`, Author: data.cooperativeName, Subject: text.title, Creator: 'Coop Console', Producer: 'Coop Console (pdfkit)', CreationDate: new Date(data.issuedAt) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc, data, text);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

function draw(doc: PDFKit.PDFDocument, data: CardPdfData, text: (typeof TEXT)[keyof typeof TEXT]): void {
  const [width, height] = CARD_SIZE;
  const pad = 3.5 * MM;
  // The cooperative's band across the top, in the console's green.
  doc.rect(0, 0, width, 11 * MM).fill('#2f8f5b');
  doc.fillColor('white').font('Helvetica-Bold').fontSize(9).text(data.cooperativeName, pad, 2.2 * MM, { width: width - 2 * pad, height: 4 * MM, lineBreak: false, ellipsis: true });
  doc.font('Helvetica').fontSize(6.5).text(text.title, pad, 6.6 * MM, { width: width - 2 * pad, lineBreak: false });

  // The QR code on the right: 2-module quiet zone inside a white square.
  const qr = qrModules(data.code);
  const qrSide = 30 * MM;
  const module = qrSide / (qr.size + 4);
  const qrX = width - pad - qrSide;
  const qrY = 13.5 * MM;
  doc.rect(qrX, qrY, qrSide, qrSide).fill('white');
  doc.fillColor('black');
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) if (qr.dark(row, col)) doc.rect(qrX + (col + 2) * module, qrY + (row + 2) * module, module, module);
  }
  doc.fill('black');

  const left = pad;
  const textWidth = qrX - left - 2 * MM;
  doc.fillColor('#222222').font('Helvetica-Bold').fontSize(10).text(data.fullName, left, 14 * MM, { width: textWidth });
  doc.font('Helvetica').fontSize(7.5).moveDown(0.2).text(`${text.member} ${data.memberNo}`, { width: textWidth });
  doc.text(`${text.site}: ${data.siteName}`, { width: textWidth });
  doc.text(`${text.issued} ${data.issuedAt.slice(0, 10)}`, { width: textWidth });
  doc.fontSize(5.5).fillColor('#444444').moveDown(0.4).text(text.scan, { width: textWidth });
  // The code in letters, under the QR code and across the foot, with the lost-card notice.
  doc.font('Courier').fontSize(5.2).fillColor('#222222').text(data.code, pad, height - 7.2 * MM, { width: width - 2 * pad, align: 'right', lineBreak: false });
  doc.font('Helvetica').fontSize(5).fillColor('#555555').text(text.lost, pad, height - 4 * MM, { width: width - 2 * pad, lineBreak: false });
}
