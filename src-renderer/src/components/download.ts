// Saves text or bytes as a file through the browser's download path (works in Electron and serve mode alike).
import type { DocumentFile } from '@contract';

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: Chromium reads the blob asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(fileName: string, text: string, mime = 'text/csv;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([text], { type: mime }));
}

/** A document the core sends as base64 (terms PDF, proof pack, receipt) → a Blob the browser can open, print or save. */
export function documentBlob(file: DocumentFile): Blob {
  return new Blob([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], { type: file.mediaType });
}

export function saveDocument(file: DocumentFile): void {
  downloadBlob(file.fileName, documentBlob(file));
}
