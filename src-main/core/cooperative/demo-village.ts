// The demo village offered on first run: three sites and ~60 members with realistic names, roles,
// premises and join dates spread over two and a half years, so a newcomer sees a living console.
// Deterministic (seeded), so screenshots and tests see the same village every time.
import type { EnergyKind, MemberFieldsValue, MemberRole } from '../../contract/members.js';

export interface DemoSite {
  readonly name: string;
  readonly village: string;
  readonly description: string;
  readonly centre: readonly [number, number];
}

export const DEMO_SITES: readonly DemoSite[] = [
  { name: 'Kianjege Ridge', village: 'Kianjege', description: 'Hillside homesteads; solar on roofs, a small wind turbine on the ridge.', centre: [-0.4932, 37.1021] },
  { name: 'Mto Mill', village: 'Mto Wa Mbu', description: 'Around the old grain mill by the river; micro-hydro and biogas from the dairy.', centre: [-0.5104, 37.1265] },
  { name: 'Soko Square', village: 'Soko', description: 'Market square shops, the clinic and the school; battery storage at the clinic.', centre: [-0.5021, 37.1143] },
];

const FIRST_NAMES = [
  'Wanjiru', 'Otieno', 'Achieng', 'Kamau', 'Njeri', 'Mwangi', 'Akinyi', 'Kiprono', 'Chebet', 'Mutua',
  'Nyambura', 'Omondi', 'Wambui', 'Kipchoge', 'Atieno', 'Muthoni', 'Baraka', 'Zawadi', 'Juma', 'Amani',
  'Fatuma', 'Hassan', 'Imani', 'Makena', 'Wekesa', 'Nafula', 'Ochieng', 'Auma', 'Kibet', 'Jepkosgei',
  'Grace', 'Peter', 'Esther', 'Samuel', 'Mercy', 'Daniel', 'Faith', 'Joseph', 'Lucy', 'David',
];
const LAST_NAMES = [
  'Kamau', 'Odhiambo', 'Wanjiku', 'Mutai', 'Njoroge', 'Otieno', 'Kariuki', 'Chepkoech', 'Mwangi', 'Onyango',
  'Kiptoo', 'Wafula', 'Maina', 'Achieng', 'Gitau', 'Rotich', 'Nyaga', 'Barasa', 'Ndungu', 'Koech',
];

/** Small seeded PRNG (mulberry32): the demo must be the same on every machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

function rolesFor(index: number, random: () => number): MemberRole[] {
  if (index === 7) return ['government'];
  if (index === 23 || index === 41) return ['third_party'];
  const r = random();
  if (r < 0.1) return ['owner', 'prosumer'];
  if (r < 0.16) return ['owner'];
  if (r < 0.42) return ['prosumer', 'consumer'];
  return ['consumer'];
}

function energyFor(roles: readonly MemberRole[], site: DemoSite, random: () => number): EnergyKind[] {
  if (!roles.includes('prosumer') && !roles.includes('owner')) return [];
  const byPlace: Record<string, EnergyKind[]> = {
    'Kianjege Ridge': ['solar', 'wind'],
    'Mto Mill': ['hydro', 'biogas', 'solar'],
    'Soko Square': ['solar', 'battery'],
  };
  const options = byPlace[site.name] ?? ['solar'];
  return options.filter((_, i) => i === 0 || random() < 0.4);
}

export interface DemoMember {
  readonly siteIndex: number;
  readonly fields: Omit<MemberFieldsValue, 'siteId'>;
}

/** The demo members, joined between 30 months before `today` and `today`. */
export function demoMembers(today: Date, count = 60): DemoMember[] {
  const random = seeded(20_221_115);
  const usedNames = new Set<string>();
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 30, 1)).getTime();
  const span = today.getTime() - start;
  const members: DemoMember[] = [];
  for (let i = 0; i < count; i++) {
    let fullName = '';
    let tries = 0;
    do fullName = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
    while (usedNames.has(fullName) && ++tries < 40);
    // A big village (the benchmark's 2,000 members) runs out of name pairs: number the namesakes.
    if (usedNames.has(fullName)) fullName = `${fullName} ${i + 1}`;
    usedNames.add(fullName);
    // 40 % / 33 % / 27 % of the members per site (24 / 20 / 16 of the 60 of the wizard's village).
    const siteIndex = i < Math.round((count * 24) / 60) ? 0 : i < Math.round((count * 44) / 60) ? 1 : 2;
    const site = DEMO_SITES[siteIndex] as DemoSite;
    const roles = rolesFor(i, random);
    // Early members cluster at the start (the founding drive), then steady growth.
    const progress = i < 12 ? random() * 0.08 : 0.08 + (i / count) * 0.9 * (0.85 + random() * 0.15);
    const joined = new Date(start + Math.min(progress, 1) * span);
    const phoneDigits = String(700_000_000 + Math.floor(random() * 99_999_999));
    members.push({
      siteIndex,
      fields: {
        memberNo: `M-${String(i + 1).padStart(4, '0')}`,
        fullName,
        roles,
        phone: `+254 ${phoneDigits.slice(0, 3)} ${phoneDigits.slice(3, 6)} ${phoneDigits.slice(6)}`,
        email: random() < 0.35 ? `${fullName.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org` : '',
        village: site.village,
        gpsLat: Number((site.centre[0] + (random() - 0.5) * 0.02).toFixed(5)),
        gpsLon: Number((site.centre[1] + (random() - 0.5) * 0.02).toFixed(5)),
        premisesM2: roles.includes('government') ? 900 : Math.round(40 + random() * 260),
        preferredEnergy: energyFor(roles, site, random),
        notes: roles.includes('government') ? 'County energy office liaison' : i % 9 === 0 ? 'Prefers SMS reminders' : '',
        joinedOn: joined.toISOString().slice(0, 10),
      },
    });
  }
  return members;
}
