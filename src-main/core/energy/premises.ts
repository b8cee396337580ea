// What happens behind one member's connection meter in one interval (the metering model):
// - the connection meter measures import (deficit: what the premises needed from others) and export
//   (surplus: what the premises gave to the network);
// - generation meters measure the output of equipment hosted there (its kind is the source).
// Host self-consumption = generation − export at the connection, never negative. Rules and edge
// cases (export above metered generation, no connection meter): README.md § Metering model.
import { splitByWeightsInto } from '../tariffs/largest-remainder.js';
import { SOURCE_COUNT, SOURCE_INDEX } from './source-pool.js';

export interface ConnectionValue {
  readonly importWh: number;
  readonly exportWh: number;
  readonly estimated: boolean;
  readonly unattested: boolean;
}
export interface GenerationValue {
  readonly source: number;
  readonly wh: number;
  readonly estimated: boolean;
  readonly unattested: boolean;
}

/** Per member-interval results; mixes are written into caller-owned rows of SOURCE_COUNT. */
export interface PremisesResult {
  deficit: number;
  surplus: number;
  selfWh: number;
  surplusEstimated: number;
  surplusUnattested: number;
  selfEstimated: number;
  selfUnattested: number;
  /** Consumption resting on an estimated / unattested connection reading (import + self), else 0. */
  connectionEstimatedWh: number;
  connectionUnattestedWh: number;
}

const OTHER = SOURCE_INDEX.other;
let EXPORTED: number[] = [0, 0, 0, 0];

export function premisesFlows(connection: ConnectionValue | null, generation: readonly GenerationValue[], surplusMix: Float64Array, selfMix: Float64Array, offset: number, out: PremisesResult): void {
  for (let k = 0; k < SOURCE_COUNT; k++) {
    surplusMix[offset + k] = 0;
    selfMix[offset + k] = 0;
  }
  let generated = 0;
  for (const g of generation) generated += g.wh;
  // No connection meter: nothing is known of the premises' needs; its generation is all offered to the community.
  const exportWh = connection ? connection.exportWh : generated;
  const importWh = connection ? connection.importWh : 0;
  const exported = EXPORTED.length >= generation.length ? EXPORTED : (EXPORTED = new Array<number>(generation.length).fill(0));
  if (generation.length === 1) exported[0] = Math.min(exportWh, generated);
  else if (generated > 0) splitByWeightsInto(Math.min(exportWh, generated), generation.map((g) => g.wh), exported, generation.length);
  else exported.fill(0);
  let surplusEstimated = 0;
  let surplusUnattested = 0;
  let selfEstimated = 0;
  let selfUnattested = 0;
  let selfWh = 0;
  generation.forEach((g, j) => {
    const e = exported[j] ?? 0;
    const self = g.wh - e;
    surplusMix[offset + g.source] = (surplusMix[offset + g.source] ?? 0) + e;
    selfMix[offset + g.source] = (selfMix[offset + g.source] ?? 0) + self;
    selfWh += self;
    if (g.estimated) {
      surplusEstimated += e;
      selfEstimated += self;
    }
    if (g.unattested) {
      surplusUnattested += e;
      selfUnattested += self;
    }
  });
  // Exported beyond the metered generation: a source without a generation meter ('other').
  if (exportWh > generated) surplusMix[offset + OTHER] = (surplusMix[offset + OTHER] ?? 0) + (exportWh - generated);
  if (connection?.estimated) {
    surplusEstimated = exportWh;
    selfEstimated = selfWh;
  }
  if (connection?.unattested) {
    surplusUnattested = exportWh;
    selfUnattested = selfWh;
  }
  out.deficit = importWh;
  out.surplus = exportWh;
  out.selfWh = selfWh;
  out.surplusEstimated = surplusEstimated;
  out.surplusUnattested = surplusUnattested;
  out.selfEstimated = selfEstimated;
  out.selfUnattested = selfUnattested;
  out.connectionEstimatedWh = connection?.estimated ? importWh + selfWh : 0;
  out.connectionUnattestedWh = connection?.unattested ? importWh + selfWh : 0;
}

export const emptyPremises = (): PremisesResult => ({ deficit: 0, surplus: 0, selfWh: 0, surplusEstimated: 0, surplusUnattested: 0, selfEstimated: 0, selfUnattested: 0, connectionEstimatedWh: 0, connectionUnattestedWh: 0 });
