// Files of field sync in the browser: a picked file read as base64 with its progress (a year of
// readings is tens of MB, so the bar moves while a USB stick is read), and bytes saved through the
// browser's download path ("export to…": Electron and Chromium ask where).
import { downloadBlob } from './download.js';

/** Reads a picked file; onProgress gets 0…1 as its bytes arrive. */
export function readFileAsBase64(file: Blob, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.onload = () => {
      onProgress(1);
      const url = String(reader.result);
      // A data URL: "data:<mime>;base64,<payload>".
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Saves base64 bytes under fileName. */
export function saveBase64(fileName: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  downloadBlob(fileName, new Blob([bytes], { type: 'application/octet-stream' }));
}
