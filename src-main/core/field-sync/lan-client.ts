// The laptop's side of the wire: one API call to the office's HTTP carrier (the same
// POST /api/call/<channel> the office's own screens use), no session: the office checks the
// pairing instead. A refusal from the office comes back as the office's sentence and refusal code.
import type { ApiResponse, InputOf, ResultOf } from '../../contract/index.js';
import { FieldSyncRefusal, type FieldSyncRefusalCode } from './sync-errors.js';

type OfficeChannel = 'fieldSync.lan.pairBegin' | 'fieldSync.lan.pairReveal' | 'fieldSync.lan.exchange';

const TIMEOUT_MS = 120_000;

export async function callOffice<C extends OfficeChannel>(officeUrl: string, channel: C, input: InputOf<C>): Promise<ResultOf<C>> {
  let response: Response;
  try {
    response = await fetch(new URL(`/api/call/${channel}`, officeUrl), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input), signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new FieldSyncRefusal('LAN_UNREACHABLE', `The office console does not answer at ${officeUrl} (${(error as Error).message}). Check the address, that both are on the same network, and that the office runs with --allow-lan.`);
  }
  let body: ApiResponse<ResultOf<C>>;
  try {
    body = (await response.json()) as ApiResponse<ResultOf<C>>;
  } catch {
    throw new FieldSyncRefusal('LAN_UNREACHABLE', `What answers at ${officeUrl} is not a Coop Console office (HTTP ${response.status}). Check the address.`);
  }
  if (body.ok) return body.value;
  const refusal = body.error.details?.['syncRefusal'];
  throw new FieldSyncRefusal(typeof refusal === 'string' ? (refusal as FieldSyncRefusalCode) : 'LAN_UNREACHABLE', `The office refused: ${body.error.message}`);
}
