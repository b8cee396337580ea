// Reads the statement data attached to a statement PDF (statement-pdf.ts writes it as the embedded
// file `statement.json`), so an auditor's verifier needs the PDF alone. Only the embedded-file stream
// is read: the visible text is for people, the attached data is what the hash is checked against.
import { inflateSync } from 'node:zlib';
import { STATEMENT_FORMAT, type StatementDocument } from '../../contract/statements.js';

export class StatementFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StatementFileError';
  }
}

/** The bytes of the first embedded file of a PDF (pdfkit writes `/Type /EmbeddedFile` streams). */
export function embeddedFileOf(pdf: Buffer): Buffer {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new StatementFileError('This file is not a PDF.');
  const text = pdf.toString('latin1');
  const at = text.indexOf('/Type /EmbeddedFile');
  if (at < 0) throw new StatementFileError('This PDF carries no statement data: it was not made by the console, or the attachment was removed.');
  const dictStart = text.lastIndexOf('<<', at);
  const streamAt = text.indexOf('stream', at);
  const dict = text.slice(dictStart, streamAt);
  const length = /\/Length (\d+)/.exec(dict);
  if (streamAt < 0 || !length) throw new StatementFileError('The statement data in this PDF is damaged (no stream length).');
  let start = streamAt + 'stream'.length;
  if (text[start] === '\r') start += 1;
  if (text[start] === '\n') start += 1;
  const raw = pdf.subarray(start, start + Number(length[1]));
  try {
    return dict.includes('/FlateDecode') ? inflateSync(raw) : Buffer.from(raw);
  } catch {
    throw new StatementFileError('The statement data in this PDF is damaged (it does not decompress).');
  }
}

/** The statement attached to a PDF; a sentence when it is missing or not a statement. */
export function statementOfPdf(pdf: Buffer): StatementDocument {
  let value: unknown;
  try {
    value = JSON.parse(embeddedFileOf(pdf).toString('utf8'));
  } catch (error) {
    if (error instanceof StatementFileError) throw error;
    throw new StatementFileError('The statement data in this PDF is not readable JSON.');
  }
  const doc = value as Partial<StatementDocument> | null;
  if (!doc || doc.format !== STATEMENT_FORMAT || !Array.isArray(doc.lines) || typeof doc.hash !== 'string' || !doc.period || !doc.member || !doc.money || !doc.energy || !Array.isArray(doc.days)) {
    throw new StatementFileError('The data attached to this PDF is not a coop statement.');
  }
  return doc as StatementDocument;
}
