// Public surface of the chain layer (see README.md in this folder).
export { createChainRuntime, ChainRuntime, type ChainRuntimeOptions, type ChainRuntimeStatus, type ChainRuntimeEvents } from './runtime.js';
export { ChainError, ChainDispatchError, type ChainErrorCode, type DecodedChainError } from './errors.js';
export type { ConnectionState, ConnectionStatus, ChainHead, ChainIdentity } from './connection.js';
export type { EmbeddedNodeState, EmbeddedNodeStatus } from './node/embedded-node.js';
export { EmbeddedNode } from './node/embedded-node.js';
export { checkCapabilities, probeEndpoint, REQUIRED_CALLS, type CapabilityReport } from './capabilities.js';
export type { TxStatus, TxTerminal, SignedTx, TxEventRecord } from './tx/tx-status.js';
export type { TxEvent, Call } from './tx/transaction-service.js';
export type { ChainIntent, ChainIntentInput } from './outbox/intents.js';
export type { OutboxRecord, OutboxStatus } from './outbox/outbox-repository.js';
export type { ReconcileReport } from './outbox/outbox.js';
export type { AnchorInfo, AnchorRecordInput, InclusionProof, VerifyResult } from './anchors/anchor-service.js';
export { leafHash, merkleRoot, merkleProof, rootFromProof } from './anchors/merkle.js';
export type { BootstrapOptions, BootstrapResult, ChainSetup, AssetClass } from './bootstrap.js';
export { parseAddress, parseAmount } from './validation.js';
