// A receipt PDF from the core (base64) → a download, or the browser's print dialog (hidden frame).
import type { DocumentFile } from '@contract';
import { documentBlob, saveDocument } from '../../components/download.js';

const blobUrl = (file: DocumentFile): string => URL.createObjectURL(documentBlob(file));

/** Saves the receipt (the one download path of the console). */
export const downloadDocument = saveDocument;

export function printDocument(file: DocumentFile): void {
  const url = blobUrl(file);
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.src = url;
  frame.onload = () => frame.contentWindow?.print();
  document.body.appendChild(frame);
  setTimeout(() => {
    frame.remove();
    URL.revokeObjectURL(url);
  }, 60_000);
}

/** Today in the operator's own calendar (the day a payment is received at the window). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
