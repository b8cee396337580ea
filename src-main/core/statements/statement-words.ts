// The words of a printed statement, in English and French (the member's language). The renderer has
// its own i18n files; a PDF is made in the main process, so its words live here, next to it.
import type { StatementLocale } from '../../contract/statements.js';
import { formatMoney } from '../agreements/terms-document.js';

const EN = {
  title: 'Energy statement',
  member: 'Member',
  period: 'Period',
  site: 'Site',
  posted: 'Posted on',
  lines: 'What you were charged and what you received',
  line: 'Line',
  energy: 'Energy',
  amount: 'Amount',
  total: 'Total of the period',
  energySummary: 'Your energy',
  self: 'From your own equipment',
  community: 'From the community',
  main: 'From the main supply',
  sold: 'Given to the community (sold)',
  consumed: 'You used',
  estimated: 'Estimated (a meter reading was missing and filled in)',
  unattested: 'Measured by a meter that is not attested',
  savings: 'Savings',
  mainOnly: 'The same energy from the main supply alone would have cost',
  actual: 'This period cost you',
  saved: 'You saved',
  sufficiency: 'Self-sufficiency (own and community energy / all you used)',
  tokens: 'Green tokens',
  tokensNone: 'No token record for this period yet.',
  tokensEarned: 'Tokens earned',
  tokensBonus: 'of which diversity bonus',
  payments: 'Payments received in the period',
  paymentsNone: 'No payment in this period.',
  balance: 'Your account',
  broughtForward: 'Balance before the period',
  net: 'This period',
  paid: 'Payments',
  other: 'Other entries',
  carried: 'Balance carried forward',
  balanceNote: 'Amounts of the period: + is money in your favour, - is money charged to you.',
  balanceWords: { owes: 'You owe {amount}', inCredit: 'In credit: {amount}', settled: 'Nothing owed, no credit' },
  daily: 'Energy per day (kWh)',
  mix: 'Where your energy came from',
  verify: 'Check this statement',
  verifyText: 'This statement is sealed on the cooperative\'s blockchain. Scan the code, or run "npm run verify-statement" on this PDF file, to check that no figure was changed.',
  hash: 'Statement fingerprint',
  anchor: 'Sealed in block',
  extrinsic: 'transaction',
  root: 'root',
  notAnchored: 'Not sealed on the blockchain yet: this statement cannot be checked yet.',
  page: 'Page',
  codes: {
    energy_main: 'Energy from the main supply', energy_pool: 'Energy from the community pool', grid_fee: 'Grid fee', fixed_fee: 'Fixed fee', tax: 'Tax',
    pool_earnings: 'Energy you gave to the pool', lease_energy: 'Energy of leased equipment', rent_share: 'Rent share', surplus_share: 'Surplus share',
    instalment: 'Lease-to-own instalment', lto_energy: 'Energy of lease-to-own equipment', p2p_energy: 'Energy between members', p2p_wheeling: 'Wheeling fee', p2p_tax: 'Tax on member trade',
    adjustment: 'Correction of an earlier period',
  } as Record<string, string>,
  sources: { solar: 'Solar', wind: 'Wind', hydro: 'Hydro', biogas: 'Biogas', battery: 'Battery', other: 'Other' } as Record<string, string>,
  methods: { cash: 'cash', 'mobile-money': 'mobile money' } as Record<string, string>,
};

type Words = typeof EN;

const FR: Words = {
  title: "Relevé d'énergie",
  member: 'Membre',
  period: 'Période',
  site: 'Site',
  posted: 'Comptabilisé le',
  lines: 'Ce qui vous a été facturé et ce que vous avez reçu',
  line: 'Ligne',
  energy: 'Énergie',
  amount: 'Montant',
  total: 'Total de la période',
  energySummary: 'Votre énergie',
  self: 'De vos propres équipements',
  community: 'De la communauté',
  main: 'Du réseau principal',
  sold: 'Donnée à la communauté (vendue)',
  consumed: 'Vous avez consommé',
  estimated: 'Estimée (un relevé manquait et a été complété)',
  unattested: 'Mesurée par un compteur non attesté',
  savings: 'Économies',
  mainOnly: 'La même énergie venant du seul réseau principal aurait coûté',
  actual: 'Cette période vous a coûté',
  saved: 'Vous avez économisé',
  sufficiency: 'Autonomie (énergie propre et communautaire / toute votre consommation)',
  tokens: 'Jetons verts',
  tokensNone: 'Pas encore de jetons enregistrés pour cette période.',
  tokensEarned: 'Jetons gagnés',
  tokensBonus: 'dont bonus de diversité',
  payments: 'Paiements reçus pendant la période',
  paymentsNone: 'Aucun paiement pendant cette période.',
  balance: 'Votre compte',
  broughtForward: 'Solde avant la période',
  net: 'Cette période',
  paid: 'Paiements',
  other: 'Autres écritures',
  carried: 'Solde reporté',
  balanceNote: 'Montants de la période : + est en votre faveur, - vous est facturé.',
  balanceWords: { owes: 'Vous devez {amount}', inCredit: 'En crédit : {amount}', settled: 'Rien à payer, aucun crédit' },
  daily: 'Énergie par jour (kWh)',
  mix: "D'où venait votre énergie",
  verify: 'Vérifier ce relevé',
  verifyText: 'Ce relevé est scellé sur la blockchain de la coopérative. Scannez le code, ou lancez « npm run verify-statement » sur ce fichier PDF, pour vérifier qu\'aucun chiffre n\'a été modifié.',
  hash: 'Empreinte du relevé',
  anchor: 'Scellé dans le bloc',
  extrinsic: 'transaction',
  root: 'racine',
  notAnchored: "Pas encore scellé sur la blockchain : ce relevé ne peut pas encore être vérifié.",
  page: 'Page',
  codes: {
    energy_main: 'Énergie du réseau principal', energy_pool: 'Énergie de la réserve commune', grid_fee: 'Frais de réseau', fixed_fee: 'Frais fixes', tax: 'Taxe',
    pool_earnings: 'Énergie donnée à la réserve', lease_energy: 'Énergie d\'un équipement loué', rent_share: 'Part du loyer', surplus_share: 'Part du surplus',
    instalment: 'Échéance de location-vente', lto_energy: "Énergie d'un équipement en location-vente", p2p_energy: 'Énergie entre membres', p2p_wheeling: "Frais d'acheminement", p2p_tax: 'Taxe sur les échanges entre membres',
    adjustment: "Correction d'une période antérieure",
  },
  sources: { solar: 'Solaire', wind: 'Éolien', hydro: 'Hydro', biogas: 'Biogaz', battery: 'Batterie', other: 'Autre' },
  methods: { cash: 'espèces', 'mobile-money': 'mobile money' },
};

export const statementWords = (locale: StatementLocale): Words => (locale === 'fr' ? FR : EN);

/** Money in the member's language: "KES 1,234.50" in English, "1 234,50 KES" in French. */
export function moneyText(minor: number, currency: string, locale: StatementLocale): string {
  const en = formatMoney(minor, currency);
  if (locale === 'en') return en;
  const number = en.slice(currency.length + 1).replace(/,/g, ' ').replace('.', ',');
  return `${number} ${currency}`;
}

/** A balance (credits − debits) in words, as the kiosk says it: "You owe KES 2.50" / "In credit: KES 70.00"; never a bare minus sign. */
export function balanceText(minor: number, currency: string, locale: StatementLocale): string {
  const words = statementWords(locale).balanceWords;
  if (minor === 0) return words.settled;
  return (minor < 0 ? words.owes : words.inCredit).replace('{amount}', moneyText(Math.abs(minor), currency, locale));
}

/** A movement of the period with its sign said: "+KES 5.00", "-KES 5.00" (a hyphen-minus: the PDF's standard font has no typographic minus). */
export function signedMoneyText(minor: number, currency: string, locale: StatementLocale): string {
  return `${minor > 0 ? '+' : minor < 0 ? '-' : ''}${moneyText(Math.abs(minor), currency, locale)}`;
}

/** Whole Wh as kWh with one decimal, in the member's language. */
export function kwhText(wh: number, locale: StatementLocale): string {
  const text = (Math.round(wh / 100) / 10).toFixed(1);
  return `${locale === 'fr' ? text.replace('.', ',') : text} kWh`;
}

export function percentText(bp: number, locale: StatementLocale): string {
  const text = (bp / 100).toFixed(1);
  return `${locale === 'fr' ? text.replace('.', ',') : text} %`;
}

/** A calendar day (YYYY-MM-DD, or the date part of an ISO instant) in the member's words: "1 November
 *  2026" / "1 novembre 2026" — a villager reads a date, not an ISO string. */
export function dayText(isoDay: string, locale: StatementLocale): string {
  const day = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return isoDay;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day);
}
