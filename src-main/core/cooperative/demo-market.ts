// The demo village's equipment, marketplace listings, tariff plans and draft agreements, so a
// newcomer's first look at those areas is not a row of empty tables. Pure data derived from the demo
// members (by index, resolved to ids by the loader), deterministic like the members themselves.
// Prices are set in euro cents and converted to the cooperative's currency, so a KES or XOF demo
// shows believable numbers instead of 0.25 per kWh.
import type { EquipmentKind, EquipmentStatus } from '../../contract/equipment.js';
import type { Orientation } from '../../contract/market.js';
import type { EnergyKind } from '../../contract/members.js';
import type { TariffDefinitionValue } from '../../contract/tariffs.js';
import { DEMO_SITES, type DemoMember } from './demo-village.js';

export interface DemoEquipment {
  readonly key: string;
  readonly siteIndex: number;
  readonly ownerIndex: number;
  readonly hostIndex: number | null;
  readonly kind: EquipmentKind;
  readonly ratedPowerW: number;
  readonly storageWh: number | null;
  readonly make: string;
  readonly model: string;
  readonly serial: string;
  readonly commissionedOn: string | null;
  readonly status: EquipmentStatus;
  readonly notes: string;
}

export type DemoListing =
  | { readonly side: 'owner'; readonly memberIndex: number; readonly title: string; readonly notes: string; readonly offer: 'equipment'; readonly equipmentKey: string; readonly rateEuroMilli: number; readonly maxDistanceKm: number }
  | { readonly side: 'owner'; readonly memberIndex: number; readonly title: string; readonly notes: string; readonly offer: 'capital'; readonly kind: EquipmentKind; readonly capacityW: number; readonly capitalEuroCents: number }
  | { readonly side: 'host'; readonly memberIndex: number; readonly title: string; readonly notes: string; readonly orientation: Orientation; readonly preferredKinds: readonly EquipmentKind[]; readonly expectedConsumptionWhPerMonth: number };

/** Rates in euro milli-cents per kWh, fees in euro cents; converted when the plan is written. */
export interface DemoTariff {
  readonly siteIndex: number;
  readonly name: string;
  readonly description: string;
  readonly definition: TariffDefinitionValue;
  readonly notes: string;
}

export type DemoAgreement =
  | { readonly kind: 'hosted_lease'; readonly title: string; readonly equipmentKey: string; readonly ownerIndex: number; readonly hostIndex: number; readonly rateEuroMilli: number; readonly notes: string }
  | { readonly kind: 'p2p_sale'; readonly title: string; readonly sellerIndex: number; readonly siteIndex: number; readonly tariffSiteIndex: number; readonly discountBps: number; readonly notes: string };

export interface DemoMarket {
  readonly equipment: readonly DemoEquipment[];
  readonly listings: readonly DemoListing[];
  readonly tariffs: readonly DemoTariff[];
  readonly agreements: readonly DemoAgreement[];
}

const isProducer = (m: DemoMember) => m.fields.roles.includes('owner') || m.fields.roles.includes('prosumer');
const isConsumerOnly = (m: DemoMember) => m.fields.roles.length === 1 && m.fields.roles[0] === 'consumer';

/** The first member at a site that fits and is not taken yet: stable for a given member list. */
function chooser(members: readonly DemoMember[]) {
  const taken = new Set<number>();
  return (siteIndex: number, fits: (m: DemoMember) => boolean, prefer: (m: DemoMember) => boolean = () => true): number => {
    const candidates = members.map((m, i) => ({ m, i })).filter(({ m, i }) => m.siteIndex === siteIndex && !taken.has(i) && fits(m));
    const found = candidates.find(({ m }) => prefer(m)) ?? candidates[0];
    if (!found) throw new Error(`The demo village has no free member at ${DEMO_SITES[siteIndex]?.name ?? siteIndex} for its equipment`);
    taken.add(found.i);
    return found.i;
  };
}

/** Commissioned `monthsAgo` months before today, on the 10th (a plausible installation day). */
const commissioned = (today: Date, monthsAgo: number): string => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - monthsAgo, 10)).toISOString().slice(0, 10);

export function demoMarket(members: readonly DemoMember[], today: Date): DemoMarket {
  const choose = chooser(members);
  const likes = (kind: EnergyKind) => (m: DemoMember) => m.fields.preferredEnergy.includes(kind);
  const ridgeSolar = choose(0, isProducer, likes('solar'));
  const ridgeWind = choose(0, isProducer, likes('wind'));
  const millHydro = choose(1, isProducer, likes('hydro'));
  const millBiogas = choose(1, isProducer, likes('biogas'));
  const millSolar = choose(1, isProducer, likes('solar'));
  const sokoBattery = choose(2, isProducer, likes('battery'));
  const sokoSolar = choose(2, isProducer, likes('solar'));
  const ridgeHost = choose(0, isConsumerOnly);
  const sokoHost = choose(2, isConsumerOnly);
  const millCapital = choose(1, isProducer);

  const equipment: DemoEquipment[] = [
    { key: 'ridge-solar', siteIndex: 0, ownerIndex: ridgeSolar, hostIndex: null, kind: 'solar', ratedPowerW: 4_920, storageWh: null, make: 'Canadian Solar', model: 'HiKu6 CS6R-410MS (12 panels)', serial: 'CS6R-2403-KR0117', commissionedOn: commissioned(today, 20), status: 'installed', notes: 'Roof array, south-facing, string inverter in the store room.' },
    { key: 'ridge-wind', siteIndex: 0, ownerIndex: ridgeWind, hostIndex: null, kind: 'wind', ratedPowerW: 6_000, storageWh: null, make: 'Bergey Windpower', model: 'Excel 6', serial: 'BWC-E6-21877', commissionedOn: null, status: 'listed', notes: 'Bought second-hand; looking for a host on the ridge top.' },
    { key: 'mill-hydro', siteIndex: 1, ownerIndex: millHydro, hostIndex: null, kind: 'hydro', ratedPowerW: 1_600, storageWh: null, make: 'PowerSpout', model: 'PLT 1.6 kW', serial: 'PS-PLT-0457', commissionedOn: commissioned(today, 26), status: 'installed', notes: 'Pelton turbine on the old mill race; 24 m head.' },
    { key: 'mill-biogas', siteIndex: 1, ownerIndex: millBiogas, hostIndex: null, kind: 'biogas', ratedPowerW: 3_000, storageWh: null, make: 'Sistema.bio', model: 'SB-20 digester with 3 kW genset', serial: 'SBIO-20-KE-1183', commissionedOn: commissioned(today, 14), status: 'installed', notes: 'Fed from the dairy; runs evenings.' },
    { key: 'mill-solar', siteIndex: 1, ownerIndex: millSolar, hostIndex: null, kind: 'solar', ratedPowerW: 3_320, storageWh: null, make: 'JA Solar', model: 'JAM54S30-415/MR (8 panels)', serial: 'JAM54-2311-MT0042', commissionedOn: commissioned(today, 9), status: 'installed', notes: '' },
    { key: 'soko-battery', siteIndex: 2, ownerIndex: sokoBattery, hostIndex: null, kind: 'battery', ratedPowerW: 4_000, storageWh: 8_000, make: 'BYD', model: 'Battery-Box Premium LVS 8.0', serial: 'BYD-LVS8-22S09311', commissionedOn: commissioned(today, 11), status: 'installed', notes: 'Keeps the clinic fridge and lights on at night.' },
    { key: 'soko-solar', siteIndex: 2, ownerIndex: sokoSolar, hostIndex: null, kind: 'solar', ratedPowerW: 9_840, storageWh: null, make: 'LONGi', model: 'Hi-MO 5m LR5-54HPH-410M (24 panels)', serial: 'LR5-2405-SQ2290', commissionedOn: commissioned(today, 6), status: 'installed', notes: 'Market hall roof.' },
  ];

  const listings: DemoListing[] = [
    { side: 'owner', memberIndex: ridgeWind, offer: 'equipment', equipmentKey: 'ridge-wind', title: 'Small wind turbine looking for a windy spot', notes: 'Needs a clear mast site of about 20 m².', rateEuroMilli: 18_000, maxDistanceKm: 5 },
    { side: 'owner', memberIndex: millCapital, offer: 'capital', kind: 'solar', capacityW: 3_000, capitalEuroCents: 250_000, title: 'Capital for a 3 kW rooftop solar kit', notes: 'Repaid from the energy sold, over about four years.' },
    { side: 'host', memberIndex: ridgeHost, orientation: 'north', preferredKinds: ['wind', 'solar'], expectedConsumptionWhPerMonth: 95_000, title: 'Open ridge-top plot, lots of wind', notes: 'Equator: a north or south roof both work.' },
    { side: 'host', memberIndex: sokoHost, orientation: 'flat', preferredKinds: ['solar', 'battery'], expectedConsumptionWhPerMonth: 240_000, title: 'Flat shop roof on the market square', notes: 'Shop fridges run all day.' },
  ];

  const tariffs: DemoTariff[] = [
    { siteIndex: 0, name: 'Ridge household', description: 'Flat energy rate and a small monthly fee for every household on the ridge.', notes: 'Demo village tariff', definition: flat(22_000, 150) },
    {
      siteIndex: 1,
      name: 'Mill time-of-use',
      description: 'Cheaper at night when the turbine runs alone; dearer in the evening peak.',
      notes: 'Demo village tariff',
      definition: {
        energy: {
          mode: 'time_of_use',
          baseRateMilliPerKwh: 20_000,
          windows: [
            { label: 'Evening peak', weekdays: [0, 1, 2, 3, 4, 5, 6], startHour: 18, endHour: 22, rateMilliPerKwh: 32_000 },
            { label: 'Night', weekdays: [0, 1, 2, 3, 4, 5, 6], startHour: 0, endHour: 6, rateMilliPerKwh: 12_000 },
          ],
        },
        fixedMonthlyMinor: 200,
        gridFeeMilliPerKwh: 0,
        taxBps: 0,
        loadLimitW: null,
        dailyEnergyLimitWh: null,
      },
    },
    { siteIndex: 2, name: 'Square business', description: 'Shops, clinic and school: flat rate, higher monthly fee.', notes: 'Demo village tariff', definition: flat(24_000, 500) },
  ];

  const agreements: DemoAgreement[] = [
    { kind: 'hosted_lease', title: 'Wind turbine on the ridge top', equipmentKey: 'ridge-wind', ownerIndex: ridgeWind, hostIndex: ridgeHost, rateEuroMilli: 18_000, notes: 'Draft from the demo village: review and propose when both parties agree.' },
    { kind: 'p2p_sale', title: 'Mill solar surplus to neighbours', sellerIndex: millSolar, siteIndex: 1, tariffSiteIndex: 1, discountBps: 1_000, notes: 'Draft from the demo village: 10 % below the site tariff.' },
  ];
  return { equipment, listings, tariffs, agreements };
}

function flat(rateEuroMilli: number, fixedEuroCents: number): TariffDefinitionValue {
  return { energy: { mode: 'flat', rateMilliPerKwh: rateEuroMilli }, fixedMonthlyMinor: fixedEuroCents, gridFeeMilliPerKwh: 0, taxBps: 0, loadLimitW: null, dailyEnergyLimitWh: null };
}

/** Rough euro value of each currency offered by the wizard (order of magnitude is what matters). */
const PER_EURO: Readonly<Record<string, number>> = { EUR: 1, USD: 1.1, KES: 140, XOF: 656, XAF: 656, PKR: 300, INR: 90, NGN: 1_600, GHS: 16, TZS: 2_800, UGX: 4_000, MAD: 11 };

/** Converts an amount in euro minor units (cents, or milli-cents for rates) to the currency's, rounded to 2 significant digits. */
export function euroToCurrency(euroMinor: number, currency: string): number {
  const digits = minorDigits(currency);
  const value = euroMinor * (PER_EURO[currency] ?? 1) * 10 ** (digits - 2);
  if (value < 1) return 1;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** A tariff definition with its euro amounts converted to the cooperative's currency. */
export function tariffInCurrency(definition: TariffDefinitionValue, currency: string): TariffDefinitionValue {
  const rate = (v: number) => euroToCurrency(v, currency);
  const energy = definition.energy.mode === 'flat'
    ? { ...definition.energy, rateMilliPerKwh: rate(definition.energy.rateMilliPerKwh) }
    : definition.energy.mode === 'time_of_use'
      ? { ...definition.energy, baseRateMilliPerKwh: rate(definition.energy.baseRateMilliPerKwh), windows: definition.energy.windows.map((w) => ({ ...w, rateMilliPerKwh: rate(w.rateMilliPerKwh) })) }
      : definition.energy;
  return { ...definition, energy, fixedMonthlyMinor: rate(definition.fixedMonthlyMinor) };
}
