// Energy profiles of the demo village, per 15-minute interval, in whole Wh: households (base load,
// morning and evening peaks, size), and generation by source — solar (bell curve, cloudy days), wind
// (gusty, windier at night), hydro (steady river, slow seasonal drift), biogas (a digester run for a
// few hours morning and evening). Deterministic: a pure function of (seed, meter, time), so the same
// seed gives the same readings on every machine. The emulator's profiles hash with SHA-256 per
// value; here a 32-bit integer mix is used because the demo computes ~7 million values.
import type { EquipmentKind } from '../../contract/equipment.js';

export type GenerationKind = Extract<EquipmentKind, 'solar' | 'wind' | 'hydro' | 'biogas'>;
export const GENERATION_KINDS: readonly GenerationKind[] = ['solar', 'wind', 'hydro', 'biogas'];

export const SLOT_SECONDS = 900;
/** The demo villages are in Kenya (UTC+3): local hour = UTC hour + 3. */
const LOCAL_OFFSET_HOURS = 3;

/** Uniform in [0, 1) from three integers (a murmur-style finaliser: fast, well mixed, portable). */
export function noise(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ c;
  h = Math.imul(h ^ (h >>> 16), 0x27d4eb2d);
  return ((h ^ (h >>> 15)) >>> 0) / 4294967296;
}

const localHour = (unix: number): number => (((unix / 3600 + LOCAL_OFFSET_HOURS) % 24) + 24) % 24;
const bump = (x: number, mean: number, width: number): number => Math.exp(-((x - mean) ** 2) / (2 * width * width));

export interface Household {
  /** Stable per meter: drives its noise. */
  readonly key: number;
  /** Average base load (W): a one-room home ≈ 40, a shop or clinic several hundred. */
  readonly baseW: number;
  readonly eveningPeakW: number;
}

/** A household's use over the interval starting at `unix` (Wh). */
export function householdWh(h: Household, seed: number, unix: number): number {
  const hour = localHour(unix + SLOT_SECONDS / 2);
  const jitter = 0.8 + 0.4 * noise(seed, h.key, unix / SLOT_SECONDS);
  const watts = (h.baseW + 0.5 * h.baseW * bump(hour, 7, 1) + h.eveningPeakW * bump(hour, 19.5, 1.6)) * jitter;
  return Math.round((watts * SLOT_SECONDS) / 3600);
}

export interface Generator {
  readonly key: number;
  readonly kind: GenerationKind;
  readonly ratedW: number;
}

/** A generator's output over the interval starting at `unix` (Wh). */
export function generationWh(g: Generator, seed: number, unix: number): number {
  const mid = unix + SLOT_SECONDS / 2;
  const hour = localHour(mid);
  const day = Math.floor(mid / 86_400);
  let fraction = 0;
  switch (g.kind) {
    case 'solar': {
      const clouds = 0.45 + 0.55 * noise(seed, g.key, day);
      fraction = hour > 6 && hour < 18.5 ? clouds * Math.sin(((hour - 6) / 12.5) * Math.PI) ** 1.3 : 0;
      break;
    }
    case 'wind': {
      // Gusts change by the hour, blended across the hour so the curve is not a staircase.
      const hourIndex = Math.floor(mid / 3600);
      const t = (mid % 3600) / 3600;
      const gust = (1 - t) * noise(seed, g.key, hourIndex) + t * noise(seed, g.key, hourIndex + 1);
      const night = hour < 6 || hour > 20 ? 1.25 : 1;
      fraction = Math.min(1, (0.15 + 0.85 * gust) ** 2 * night);
      break;
    }
    case 'hydro':
      fraction = 0.8 + 0.12 * Math.sin(day / 29) + 0.05 * noise(seed, g.key, day);
      break;
    case 'biogas':
      fraction = (hour >= 5.5 && hour < 9.5) || (hour >= 17 && hour < 22) ? 0.9 + 0.1 * noise(seed, g.key, day) : 0;
      break;
  }
  return Math.round((g.ratedW * fraction * SLOT_SECONDS) / 3600);
}
