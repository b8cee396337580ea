// Realistic-looking energy profiles per interval, deterministic for a given meter and time so a
// restarted emulator reproduces its history: a solar bell curve with day-to-day cloudiness, a
// household load with a morning bump and an evening peak, optional wind (gusty) and hydro (steady).
import { createHash } from 'node:crypto';

export type SourceKind = 'solar' | 'wind' | 'hydro';

export interface ProfileConfig {
  readonly seed: string;
  readonly sources: readonly SourceKind[];
  readonly solarPeakW: number;
  readonly windRatedW: number;
  readonly hydroW: number;
  readonly householdBaseW: number;
  readonly eveningPeakW: number;
}

export const defaultProfile = (seed: string): ProfileConfig => ({
  seed,
  sources: ['solar'],
  solarPeakW: 3000,
  windRatedW: 1500,
  hydroW: 400,
  householdBaseW: 180,
  eveningPeakW: 900,
});

/** Uniform pseudo-random in [0,1) from the seed and a label. */
function noise(seed: string, label: string): number {
  return createHash('sha256').update(`${seed}|${label}`).digest().readUInt32BE(0) / 0x1_0000_0000;
}

const hourOfDay = (unix: number): number => ((unix % 86_400) + 86_400) % 86_400 / 3600;
const gaussian = (x: number, mean: number, width: number): number => Math.exp(-((x - mean) ** 2) / (2 * width * width));

/** Average generation in W at a moment (local solar time = UTC here, for simplicity). */
export function generationW(config: ProfileConfig, unix: number): number {
  const h = hourOfDay(unix);
  const day = Math.floor(unix / 86_400);
  let watts = 0;
  if (config.sources.includes('solar')) {
    const clouds = 0.55 + 0.45 * noise(config.seed, `clouds:${day}`);
    watts += h > 6 && h < 18 ? config.solarPeakW * clouds * Math.sin(((h - 6) / 12) * Math.PI) ** 1.5 : 0;
  }
  if (config.sources.includes('wind')) {
    const gust = noise(config.seed, `wind:${Math.floor(unix / 3600)}`);
    watts += config.windRatedW * gust ** 2;
  }
  if (config.sources.includes('hydro')) watts += config.hydroW * (0.9 + 0.1 * noise(config.seed, `hydro:${day}`));
  return watts;
}

export function consumptionW(config: ProfileConfig, unix: number): number {
  const h = hourOfDay(unix);
  const jitter = 0.85 + 0.3 * noise(config.seed, `load:${Math.floor(unix / 900)}`);
  return (config.householdBaseW + 350 * gaussian(h, 7, 1) + config.eveningPeakW * gaussian(h, 19.5, 1.5)) * jitter;
}

/** Net import/export in Wh over one interval starting at `start` (integers, rounded half up). */
export function intervalEnergy(config: ProfileConfig, start: number, intervalSeconds: number): { importWh: number; exportWh: number } {
  const mid = start + intervalSeconds / 2;
  const netW = consumptionW(config, mid) - generationW(config, mid);
  const wh = Math.round((Math.abs(netW) * intervalSeconds) / 3600);
  return netW >= 0 ? { importWh: wh, exportWh: 0 } : { importWh: 0, exportWh: wh };
}
