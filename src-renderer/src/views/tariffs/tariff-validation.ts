// What the tariff editor checks itself, and when it shows a field's message. Prices the operator
// must type are checked here, in their language, before anything reaches the core; the core still
// validates everything (overlapping windows, ascending blocks …) and its issues come back by path.
import type { TariffFormState } from './tariff-form.js';

/** A key under `tariffs.validation`. */
export type TariffProblem = 'enterPrice' | 'priceNegative' | 'nameWindow' | 'chooseHours';
export type TariffProblems = Record<string, TariffProblem>;

/** Required prices of the chosen pricing mode, keyed by the core's paths ("energy.blocks.1.rateMilliPerKwh"). */
export function validateTariffForm(form: TariffFormState): TariffProblems {
  const out: TariffProblems = {};
  const price = (value: number | null, path: string) => {
    // NaN: the field holds text that is no number (the field itself says so too).
    if (value === null || Number.isNaN(value)) out[path] = 'enterPrice';
    else if (value < 0) out[path] = 'priceNegative';
  };
  const optionalPrice = (value: number | null, path: string) => {
    if (value !== null && value < 0) out[path] = 'priceNegative';
  };
  optionalPrice(form.fixedMonthlyUnits, 'fixedMonthlyMinor');
  optionalPrice(form.gridFeeUnits, 'gridFeeMilliPerKwh');
  if (form.mode === 'flat') price(form.flatRateUnits, 'energy.rateMilliPerKwh');
  else if (form.mode === 'time_of_use') {
    price(form.baseRateUnits, 'energy.baseRateMilliPerKwh');
    form.windows.forEach((w, i) => {
      if (w.label.trim() === '') out[`energy.windows.${i}.label`] = 'nameWindow';
      if (w.startHour === null) out[`energy.windows.${i}.startHour`] = 'chooseHours';
      if (w.endHour === null) out[`energy.windows.${i}.endHour`] = 'chooseHours';
      price(w.rateUnits, `energy.windows.${i}.rateMilliPerKwh`);
    });
  } else {
    form.blocks.forEach((b, i) => price(b.rateUnits, `energy.blocks.${i}.rateMilliPerKwh`));
    if (form.lifelineOn) price(form.lifelineRateUnits, 'energy.lifeline.rateMilliPerKwh');
  }
  return out;
}

/** Paths are related when one contains the other: touching a window's hour shows the windows' overlap. */
const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/**
 * The messages to show: a field's message only once the operator has left that field (or a field
 * inside it) or has tried to save. The editor's own check wins over the core's for the same field.
 */
export function visibleErrors(input: { client: Record<string, string>; server: Record<string, string>; touched: ReadonlySet<string>; attempted: boolean }): Record<string, string> {
  const all = { ...input.server, ...input.client };
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(all)) {
    if (input.attempted || [...input.touched].some((t) => related(t, path))) out[path] = message;
  }
  return out;
}
