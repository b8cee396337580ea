import { describe, expect, it } from 'vitest';
import { CardScanBuffer } from './card-scan.js';

const type = (buffer: CardScanBuffer, text: string) => [...text].map((k) => buffer.key(k));

describe('the card scan buffer', () => {
  it('finds a card code typed before Enter, after whatever was typed earlier', () => {
    const buffer = new CardScanBuffer();
    type(buffer, 'A-00');
    type(buffer, 'k1.a-001.7qh3k9xw2d5rtv8n.4f');
    expect(buffer.key('Enter')).toBe('K1.A-001.7QH3K9XW2D5RTV8N.4F');
  });
  it('ignores Enter after ordinary typing, and forgets it afterwards', () => {
    const buffer = new CardScanBuffer();
    type(buffer, '1234');
    expect(buffer.key('Enter')).toBeNull();
    type(buffer, 'K1.A-001.7QH3K9XW2D5RTV8N');
    expect(buffer.key('Enter')).toBeNull();
    expect(buffer.key('Shift')).toBeNull();
  });
});
