// Saves text or bytes as a file through the browser's download path (works in Electron and serve mode alike).
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
