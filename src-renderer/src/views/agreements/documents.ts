// Documents the core sends as base64 (terms PDF, proof-pack zip) → a Blob the browser can open or save.
import type { DocumentFile } from '@contract';

export function documentBlob(file: DocumentFile): Blob {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: file.mediaType });
}

export function saveDocument(file: DocumentFile): void {
  const url = URL.createObjectURL(documentBlob(file));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

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
