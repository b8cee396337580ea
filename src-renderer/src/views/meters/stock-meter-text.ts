// Words and units for the stock meters panel: a sample's quantities in proper units (every one the
// model provides; phases L1/L2/L3 for an SDM630) and, when a meter answered a poll with a Modbus
// exception, which register it refused, the exception's name and what to do — in the operator's
// language. Keys are literal so the translation test can check them.
import type { ModbusMeterView, ModbusRefusalView, ModbusSampleView } from '@contract';

type Translate = (key: string, params?: Record<string, unknown>) => string;

const EXCEPTION_NAMES: Record<number, (t: Translate) => string> = {
  1: (t) => t('meters.stock.exceptions.1'),
  2: (t) => t('meters.stock.exceptions.2'),
  3: (t) => t('meters.stock.exceptions.3'),
  4: (t) => t('meters.stock.exceptions.4'),
  5: (t) => t('meters.stock.exceptions.5'),
  6: (t) => t('meters.stock.exceptions.6'),
  8: (t) => t('meters.stock.exceptions.8'),
  10: (t) => t('meters.stock.exceptions.10'),
  11: (t) => t('meters.stock.exceptions.11'),
};

function advice(t: Translate, code: number, model: string): string {
  if (code >= 1 && code <= 3) return t('meters.stock.advice.wrongModel', { model });
  if (code === 4 || code === 8) return t('meters.stock.advice.fault');
  if (code === 5 || code === 6) return t('meters.stock.advice.busy');
  if (code === 10 || code === 11) return t('meters.stock.advice.gateway');
  return t('meters.stock.advice.unknown');
}

export function refusalText(t: Translate, row: Pick<ModbusMeterView, 'model'>, refusal: ModbusRefusalView): string {
  const code = refusal.exceptionCode;
  return t('meters.stock.problems.deviceRefused', {
    register: refusal.register,
    address: `0x${refusal.address.toString(16).padStart(4, '0')}`,
    code,
    name: EXCEPTION_NAMES[code]?.(t) ?? t('meters.stock.exceptions.unknown'),
    advice: advice(t, code, row.model),
  });
}

/** "230.1 V · 1.23 A" per phase, prefixed L1/L2/L3 on a three-phase meter; no current in old samples. */
export function phaseLines(t: Translate, s: ModbusSampleView): string[] {
  return s.phases.map((p, i) => {
    const volts = t('meters.units.v', { n: (p.voltageDv / 10).toFixed(1) });
    const line = p.currentMa === null ? volts : `${volts} · ${t('meters.units.a', { n: (p.currentMa / 1000).toFixed(2) })}`;
    return s.phases.length > 1 ? `L${i + 1} ${line}` : line;
  });
}

export function frequencyText(t: Translate, s: ModbusSampleView): string {
  return s.frequencyCHz === null ? '—' : t('meters.units.hz', { n: (s.frequencyCHz / 100).toFixed(2) });
}

export function totalText(t: Translate, s: ModbusSampleView): string {
  return s.totalWh === null ? '—' : t('meters.units.wh', { n: s.totalWh });
}
