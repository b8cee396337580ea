import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_SIZE, renderMemberCardPdf, type CardPdfData } from './card-pdf.js';
import { recentSeries } from './kiosk-account.js';

const card: CardPdfData = { cooperativeName: 'Kilima Energy Cooperative', locale: 'en', memberNo: 'M-0042', fullName: 'Neema Mwakalinga', siteName: 'Kilima Village', code: 'K1.M-0042.7QH3K9XW2D5RTV8N.4F', issuedAt: '2026-12-07T08:00:00.000Z' };

describe('the printed member card', () => {
  it('is one ID-1 page (85.6 × 54 mm) with the name, number and code, the same bytes for the same issue, in the cooperative language', async () => {
    const pdf = await renderMemberCardPdf(card);
    expect(CARD_SIZE[0]).toBeCloseTo(242.65, 1);
    expect(CARD_SIZE[1]).toBeCloseTo(153.07, 1);
    expect((await renderMemberCardPdf(card)).equals(pdf)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'card-'));
    try {
      writeFileSync(join(dir, 'en.pdf'), pdf);
      writeFileSync(join(dir, 'fr.pdf'), await renderMemberCardPdf({ ...card, locale: 'fr' }));
      expect(execFileSync('pdfinfo', [join(dir, 'en.pdf')], { encoding: 'utf8' })).toMatch(/Pages:\s+1[\s\S]*Page size:\s+242\.6\d* x 153\.0\d* pts/);
      const en = execFileSync('pdftotext', ['-layout', join(dir, 'en.pdf'), '-'], { encoding: 'utf8' });
      for (const text of ['Kilima Energy Cooperative', 'Neema Mwakalinga', 'Member M-0042', card.code, 'Scan at the kiosk']) expect(en).toContain(text);
      expect(execFileSync('pdftotext', [join(dir, 'fr.pdf'), '-'], { encoding: 'utf8' })).toContain('Carte de membre');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the kiosk's balance over time", () => {
  const series = [
    { date: '2025-06-01', balance: -500 },
    { date: '2025-11-30', balance: 1_000 },
    { date: '2026-03-02', balance: 400 },
    { date: '2026-12-01', balance: 2_400 },
  ];
  it('keeps the last year and carries the balance older movements left in as its first point', () => {
    expect(recentSeries(series, '2026-12-07', 365)).toEqual([
      { date: '2025-12-08', balance: 1_000 },
      { date: '2026-03-02', balance: 400 },
      { date: '2026-12-01', balance: 2_400 },
    ]);
  });
  it('adds nothing when every movement is inside the window, and is empty without movements', () => {
    expect(recentSeries(series.slice(2), '2026-12-07', 365)).toEqual(series.slice(2));
    expect(recentSeries([], '2026-12-07', 365)).toEqual([]);
  });
});
