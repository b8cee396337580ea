// Members' statements (issue 12): see README.md next to this file.
export { buildStatement, inconsistentFigures, lineRecordsOf, energyOfDays, moneyOfLines, selfSufficiencyBp, StatementBuildError, type MemberEnergyDay, type StatementBuildInput } from './statement-build.js';
export { verifyStatement, recomputedHash, type StatementChainLookup, type RemarkedEventInfo } from './statement-verify.js';
export { nodeChainLookup } from './statement-chain.js';
export { statementQrText, parseStatementQr, qrMatchesStatement, STATEMENT_QR_PREFIX, type StatementQrPayload } from './statement-qr.js';
export { renderStatementPdf, statementFileName, STATEMENT_ATTACHMENT } from './statement-pdf.js';
export { statementOfPdf, embeddedFileOf, StatementFileError } from './statement-pdf-read.js';
export { loadPeriodContext, statementInput, NO_TOKEN_LEDGER, StatementSourceError, type PeriodStatementContext, type TokensOfMemberPeriod } from './statement-source.js';
export { tokensFromLedger } from './statement-tokens.js';
export { StatementsService, StatementsUnavailableError, type StatementsProgress, type StatementsServiceDeps } from './statements-service.js';
