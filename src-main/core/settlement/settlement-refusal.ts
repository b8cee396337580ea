// A settlement refusal: the English sentence for logs and API callers, and the reason + values the
// console says it from in the operator's language (contract SETTLEMENT_REFUSALS lists each
// reason's values; the type makes every call give exactly those).
import type { ApiErrorCode, ApiIssue } from '../../contract/errors.js';
import type { SettlementRefusal, SettlementRefusalParams } from '../../contract/settlements.js';
import { refusal, type CoreError } from '../api/core-error.js';

export function settlementRefusal<R extends SettlementRefusal>(code: ApiErrorCode, reason: R, message: string, params: SettlementRefusalParams<R>, issues?: readonly ApiIssue[]): CoreError {
  return refusal(code, reason, message, params, issues);
}
