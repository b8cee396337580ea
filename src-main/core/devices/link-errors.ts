// Errors of the serial request/response layer, with stable codes the UI maps to advice.
import type { DeviceErrorCode } from './messages.js';
import type { FrameErrorCode } from './frame.js';

export type LinkErrorCode =
  | FrameErrorCode
  | 'TIMEOUT'
  | 'DISCONNECTED'
  | 'MALFORMED_REPLY'
  | 'DEVICE_ERROR'
  | 'PORT_OPEN_FAILED';

const ADVICE: Record<LinkErrorCode, string> = {
  TIMEOUT: 'The meter did not answer in time. Check the cable, the baud rate and that the meter is powered.',
  DISCONNECTED: 'The serial link went away (cable unplugged?). Reconnect the meter and retry; nothing was half-saved.',
  CRC_MISMATCH: 'Replies arrived damaged (checksum mismatch). Check the cable, shielding and baud rate.',
  TRUNCATED: 'Replies arrived cut short. Check the cable and baud rate.',
  NOISE: 'Only unreadable bytes arrived (line noise, wrong baud rate, or not a Coop meter).',
  OVERSIZE: 'The device sent an over-long message; it may not be a Coop meter.',
  BAD_VERSION: 'The meter speaks a protocol version this console does not support. Update the console or the meter firmware.',
  MALFORMED_REPLY: 'The meter answered with a message this console cannot understand (firmware mismatch?).',
  DEVICE_ERROR: 'The meter refused the command.',
  PORT_OPEN_FAILED: 'The serial port could not be opened.',
};

export class MeterLinkError extends Error {
  constructor(
    readonly code: LinkErrorCode,
    detail: string,
    readonly attempts: number,
    readonly deviceCode: DeviceErrorCode | null = null,
  ) {
    super(`${detail} — ${ADVICE[code]}`);
    this.name = 'MeterLinkError';
  }
}
