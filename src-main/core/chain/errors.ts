// Errors of the chain layer. Each carries a stable `code` (the API contract turns it into
// `{code, message}`) and a message a villager or a technician can act on.

export type ChainErrorCode =
  | 'CHAIN_NODE_START_FAILED'
  | 'CHAIN_NODE_NOT_RUNNING'
  | 'CHAIN_NODE_FOLDER_IN_USE'
  | 'CHAIN_NOT_CONNECTED'
  | 'CHAIN_MISSING_CAPABILITIES'
  | 'CHAIN_ENDPOINT_INVALID'
  | 'CHAIN_INVALID_ADDRESS'
  | 'CHAIN_INVALID_AMOUNT'
  | 'CHAIN_INVALID_INPUT'
  | 'CHAIN_TX_REJECTED'
  | 'CHAIN_TX_DISPATCH_FAILED'
  | 'CHAIN_TX_DROPPED'
  | 'CHAIN_TIMEOUT'
  | 'CHAIN_NOT_BOOTSTRAPPED'
  | 'CHAIN_PROOF_INVALID';

export class ChainError extends Error {
  constructor(
    readonly code: ChainErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'ChainError';
  }
}

/** What a dispatch error (or a pool rejection) decodes to: `section.name` plus its documentation. */
export interface DecodedChainError {
  /** `assets.BalanceLow`, `system.CallFiltered`, `Token.FundsUnavailable`, `pool.Invalid`, … */
  readonly name: string;
  readonly section: string;
  readonly method: string;
  /** The runtime's own documentation of the error (may be empty). */
  readonly docs: string;
}

export class ChainDispatchError extends ChainError {
  constructor(readonly decoded: DecodedChainError, readonly txHash: string) {
    super(
      'CHAIN_TX_DISPATCH_FAILED',
      `The chain refused the transaction: ${decoded.name}${decoded.docs ? ` — ${decoded.docs}` : ''}`,
      { error: decoded.name, txHash },
    );
    this.name = 'ChainDispatchError';
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  // WebSocket ErrorEvents are not Errors but carry a message (or at least a type).
  if (error && typeof error === 'object') {
    const { message, type } = error as { message?: unknown; type?: unknown };
    if (typeof message === 'string' && message) return message;
    if (typeof type === 'string') return `${type} event`;
  }
  return String(error);
}
