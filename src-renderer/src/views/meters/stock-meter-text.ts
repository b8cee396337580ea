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

/** "230.1 V" for one phase, "230.1 / 230.8 / 229.7 V" for three. */
export function voltageText(t: Translate, s: ModbusSampleView): string {
  return t('meters.units.v', { n: s.phases.map((p) => (p.voltageDv / 10).toFixed(1)).join(' / ') });
}

/** "1.234 A" (or per phase); "—" for samples stored before current was read. */
export function currentText(t: Translate, s: ModbusSampleView): string {
  if (s.phases.some((p) => p.currentMa === null)) return '—';
  return t('meters.units.a', { n: s.phases.map((p) => ((p.currentMa ?? 0) / 1000).toFixed(2)).join(' / ') });
}

export function frequencyText(t: Translate, s: ModbusSampleView): string {
  return s.frequencyCHz === null ? '—' : t('meters.units.hz', { n: (s.frequencyCHz / 100).toFixed(2) });
}

export function totalText(t: Translate, s: ModbusSampleView): string {
  return s.totalWh === null ? '—' : t('meters.units.wh', { n: s.totalWh });
}
