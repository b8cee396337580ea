// Documents the core sends as base64 (terms PDF, proof-pack zip) → a Blob the browser can open or save.
import type { DocumentFile } from '@contract';
import { documentBlob, saveDocument } from '../../components/download.js';

export { documentBlob, saveDocument };

/** Opens the PDF in a new tab where the host allows it; otherwise (e.g. the desktop shell denies new windows) saves it. */
export function openDocument(file: DocumentFile): void {
  const url = URL.createObjectURL(documentBlob(file));
  const opened = window.open(url, '_blank', 'noopener');
  if (!opened) {
    URL.revokeObjectURL(url);
    saveDocument(file);
    return;
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
