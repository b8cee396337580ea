// Entry descriptions and balances said through the console's own translations, in English and
// French: every description code has its words (no key shown raw, no placeholder left), and a
// balance is "You owe X" / "In credit: X", never a bare minus sign.
import { describe, expect, it } from 'vitest';
import type { EntryDescription, EntryDescriptionCode, SettlementLineCode } from '@contract';
import { i18n, loadFeatures } from '../../../i18n/index.js';
import { formatDate } from '../../../i18n/dates.js';
import { formatMoney } from '../../tariffs/units.js';
import { balanceWords, describeEntryText, entryFormatters, settlementLineNote } from './entry-words.js';

// Records keyed by the contract's unions: a description code or line code added without a sample
// here fails the type check (the renderer reads the contract's types only).
const LINE_CODES = Object.keys({
  energy_main: 1, energy_pool: 1, grid_fee: 1, fixed_fee: 1, tax: 1, pool_earnings: 1, lease_energy: 1, rent_share: 1, surplus_share: 1, instalment: 1, lto_energy: 1, p2p_energy: 1, p2p_wheeling: 1, p2p_tax: 1, adjustment: 1,
} satisfies Record<SettlementLineCode, 1>) as SettlementLineCode[];
const SAMPLES: Record<EntryDescriptionCode, EntryDescription[]> = {
  settlement: [
    { code: 'settlement', params: { site: 'Kilima Valley', from: '2026-11-01', to: '2026-11-30', line: 'energy_main' } },
    { code: 'settlement', params: { site: 'Kilima Valley', from: '2026-11-01', to: '2026-11-30', line: 'instalment', agreementId: 4 } },
  ],
  adjustment: [{ code: 'adjustment', params: { site: 'Kilima Valley', from: '2026-11-01', to: '2026-11-30', line: 'energy_main' } }],
  payment: [{ code: 'payment', params: { method: 'cash', reference: 'R123' } }, { code: 'payment', params: { method: 'mobile-money', reference: 'QX7', receiptNo: 'R-000002' } }],
  'payment-suspense': [{ code: 'payment-suspense', params: { method: 'mobile-money', reference: 'QX7', receiptNo: 'R-000002' } }],
  'payment-assigned': [{ code: 'payment-assigned', params: { reference: 'QX7', receiptNo: 'R-000002', memberNo: 'K-001' } }],
  'prepaid-day': [{ code: 'prepaid-day', params: { day: '2026-11-03' } }],
  reversal: [{ code: 'reversal', params: { entryId: 12, reason: 'Typed twice' } }, { code: 'reversal', params: { entryId: 12, reason: '' } }],
  'payment-reversal': [
    { code: 'payment-reversal', params: { entryId: 12, reason: 'Typed twice' } },
    { code: 'payment-reversal', params: { entryId: 12, reason: '' } },
    { code: 'payment-reversal', params: { entryId: 12, reason: 'Paid for the wrong member', of: { code: 'payment', params: { method: 'mobile-money', reference: 'QK7WRONG', receiptNo: 'R-000002' } } } },
    { code: 'payment-reversal', params: { entryId: 12, reason: '', of: { code: 'payment', params: { method: 'cash', reference: 'R123' } } } },
  ],
  'token-credit': [{ code: 'token-credit', params: { tokens: 1500, decimals: 3, symbol: 'GREEN' } }],
  'token-cash-out': [{ code: 'token-cash-out', params: { tokens: 1500, decimals: 3, symbol: 'GREEN' } }],
  unrecognised: [{ code: 'unrecognised', params: { kind: 'settlement' } }],
};

async function inLocale(locale: 'en' | 'fr') {
  await loadFeatures(locale, ['journal', 'settlements']);
  i18n.global.locale.value = locale;
  const t = (key: string, params?: Record<string, unknown>) => {
    expect(i18n.global.te(key), `${locale}: ${key}`).toBe(true);
    return i18n.global.t(key, params ?? {});
  };
  const format = entryFormatters((day: string) => formatDate(day, locale, 'Africa/Nairobi'), locale);
  return { t, format, money: (minor: number) => formatMoney(minor, 'KES', locale === 'fr' ? 'fr-FR' : 'en-GB') };
}

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('what the member and the operator read about money', () => {
  it('says every description code in English and in French, with no key or placeholder left', async () => {
    for (const locale of ['en', 'fr'] as const) {
      const { t, format } = await inLocale(locale);
      for (const code of Object.keys(SAMPLES) as EntryDescriptionCode[]) {
        expect(SAMPLES[code].length).toBeGreaterThan(0);
        for (const description of SAMPLES[code]) {
          const text = describeEntryText(description, t, format);
          expect(text).not.toMatch(/[{}]|journal\.|settlements\./);
        }
      }
      for (const line of LINE_CODES) describeEntryText({ code: 'settlement', params: { site: 'S', from: '2026-11-01', to: '2026-11-30', line } }, t, format);
    }
  });

  it('puts the values where a reader expects them', async () => {
    const en = await inLocale('en');
    expect(plain(describeEntryText(SAMPLES.settlement[1]!, en.t, en.format))).toBe('Settlement Kilima Valley, 1 Nov 2026 – 30 Nov 2026: Lease-to-own: instalment (agreement 4)');
    expect(describeEntryText(SAMPLES.payment[0]!, en.t, en.format)).toBe('Cash payment R123');
    expect(plain(describeEntryText(SAMPLES['token-credit'][0]!, en.t, en.format))).toBe('1.5 GREEN redeemed for energy credit');
    expect(describeEntryText(SAMPLES['payment-reversal'][2]!, en.t, en.format)).toBe('Cancelled: Mobile-money payment QK7WRONG · receipt R-000002. Reason: Paid for the wrong member');
    const fr = await inLocale('fr');
    expect(plain(describeEntryText(SAMPLES.settlement[0]!, fr.t, fr.format))).toBe('Règlement Kilima Valley, du 1 nov. 2026 au 30 nov. 2026 : Énergie, réseau principal');
    expect(describeEntryText(SAMPLES.payment[0]!, fr.t, fr.format)).toBe('Paiement en espèces R123');
    expect(plain(describeEntryText(SAMPLES['prepaid-day'][0]!, fr.t, fr.format))).toBe('Énergie prépayée du 3 nov. 2026 (provisoire jusqu’au règlement du mois)');
    expect(plain(describeEntryText(SAMPLES['token-cash-out'][0]!, fr.t, fr.format))).toBe('1,5 GREEN payés en espèces');
    expect(describeEntryText(SAMPLES.reversal[0]!, fr.t, fr.format)).toBe('Annulation de l’écriture n° 12 : Typed twice');
    expect(describeEntryText(SAMPLES.payment[1]!, fr.t, fr.format)).toBe('Paiement par mobile money QX7 · reçu R-000002');
    expect(describeEntryText(SAMPLES['payment-reversal'][2]!, fr.t, fr.format)).toBe('Annulé : Paiement par mobile money QK7WRONG · reçu R-000002. Motif : Paid for the wrong member');
  });

  it("says a settlement entry's line note in the reader's words, also on its reversal; other entries have none", async () => {
    const fr = await inLocale('fr');
    expect(settlementLineNote(SAMPLES.settlement[1]!, fr.t)).toBe('Location-vente : échéance · contrat 4');
    expect(settlementLineNote({ code: 'reversal', params: { entryId: 3, reason: 'x', of: SAMPLES.settlement[0]! } }, fr.t)).toBe('Énergie, réseau principal');
    expect(settlementLineNote(SAMPLES.payment[0]!, fr.t)).toBeNull();
    expect(settlementLineNote(SAMPLES.reversal[0]!, fr.t)).toBeNull();
  });

  it('says a balance in words, never with a bare minus sign', async () => {
    const en = await inLocale('en');
    expect(plain(balanceWords(-250, en.money, en.t))).toBe('You owe KES 2.50');
    expect(plain(balanceWords(7_000, en.money, en.t))).toBe('In credit: KES 70.00');
    expect(balanceWords(0, en.money, en.t)).toBe('Nothing owed, no credit');
    const fr = await inLocale('fr');
    expect(plain(balanceWords(-250, fr.money, fr.t))).toBe('Vous devez 2,50 KES');
    expect(plain(balanceWords(7_000, fr.money, fr.t))).toBe('En crédit : 70,00 KES');
    for (const balance of [-1, -150_250, 1, 0]) {
      expect(balanceWords(balance, en.money, en.t)).not.toMatch(/[-−]/);
      expect(balanceWords(balance, fr.money, fr.t)).not.toMatch(/[-−]/);
    }
  });
});
