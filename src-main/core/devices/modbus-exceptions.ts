// Modbus exception replies (function code | 0x80, then an exception code). Such a reply proves the
// line works — wiring, unit id and baud rate are right — and that the meter refused the request.
// Names per the Modbus Application Protocol v1.1b3, §7; advice in the words a technician acts on.
export const MODBUS_EXCEPTION_NAMES: Readonly<Record<number, string>> = {
  1: 'illegal function',
  2: 'illegal data address',
  3: 'illegal data value',
  4: 'server device failure',
  5: 'acknowledge',
  6: 'server device busy',
  8: 'memory parity error',
  10: 'gateway path unavailable',
  11: 'gateway target device failed to respond',
};

export function modbusExceptionName(code: number): string {
  return MODBUS_EXCEPTION_NAMES[code] ?? 'unknown exception';
}

/** What to do about an exception reading a register of an SDM meter of the saved model. */
export function modbusExceptionAdvice(code: number, model: string): string {
  switch (code) {
    case 1:
    case 2:
    case 3:
      return `wrong meter model? This meter is saved as an ${model}: check the model on its front label (or that it is an Eastron meter at all) and register it again with the right model`;
    case 4:
    case 8:
      return 'the meter reports an internal fault: power it off and on again; if it persists, replace the meter';
    case 5:
    case 6:
      return 'the meter is busy: try again in a moment';
    case 10:
    case 11:
      return 'a Modbus gateway between the console and the meter cannot reach it: check the gateway and the line behind it';
    default:
      return 'check the meter model and its documentation';
  }
}
