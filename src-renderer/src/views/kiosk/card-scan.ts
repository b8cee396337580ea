// A USB barcode/QR scanner types the member card's code like a keyboard and ends with Enter. The
// kiosk listens to keys wherever the focus is: when Enter comes and the keys typed just before it
// end with a card code (K1.…), that code is the scan. Pure, so it is unit-tested.
export const CARD_CODE_PATTERN = /K1\.[A-Za-z0-9][A-Za-z0-9-]*\.[0-9A-Za-z]{16}\.[0-9A-Za-z]{2}$/i;
const KEEP = 64;

export class CardScanBuffer {
  private typed = '';

  /** Feeds one key (KeyboardEvent.key); returns the scanned code when this key completes one. */
  key(key: string): string | null {
    if (key === 'Enter') {
      const match = CARD_CODE_PATTERN.exec(this.typed);
      this.typed = '';
      return match ? match[0].toUpperCase() : null;
    }
    if (key.length === 1) this.typed = (this.typed + key).slice(-KEEP);
    return null;
  }
}
