// Every summary code the core writes to the audit log. The console says each one in the operator's
// language (src-renderer i18n common.audit.summaries, dots as underscores); a test checks that every
// code here has a label in English and French, and AuditRecord accepts only these codes.
export const AUDIT_SUMMARY_CODES = [
  // members and sites
  'member.created', 'member.updated', 'member.deactivated', 'member.reactivated', 'member.imported', 'members.imported',
  'member.chainAccountCreated', 'member.walletRecorded', 'member.pinSet', 'member.pinSetUnlocked', 'member.chainFunded', 'member.pinLocked', 'member.pinWrong',
  'site.created', 'site.updated',
  // equipment
  'equipment.registered', 'equipment.updated', 'equipment.retired', 'equipment.chain',
  'equipment.leasedByAgreement', 'equipment.transferredByAgreement', 'equipment.returnedByAgreement',
  // agreements and the marketplace
  'agreement.drafted', 'agreement.draftedFromListings', 'agreement.revised', 'agreement.status', 'agreement.approvalSent', 'agreement.proposed', 'agreement.allSigned',
  'agreement.signature', 'agreement.registration', 'agreement.registrationRetried', 'agreement.cancellation', 'agreement.cancellationSuperseded', 'agreement.rated',
  'listing.ownerCreated', 'listing.hostCreated', 'listing.updated', 'listing.withdrawn',
  // tariffs and energy
  'tariff.planCreated', 'tariff.versionCreated', 'tariff.versionChanged', 'tariff.versionWithdrawn',
  'energy.keyVersionCreated', 'energy.sourcePreference',
  // the cooperative, operators, the database
  'cooperative.created', 'cooperative.settingsChanged', 'demo.loaded', 'database.restored',
  'operator.created', 'operator.updated', 'operator.passwordChanged', 'operator.lockedOut',
  // the ledger (chain) and its keystore
  'chain.keystoreCreated', 'chain.keystoreUnlocked', 'chain.keystoreLocked', 'chain.keystoreBackedUp', 'chain.keystoreRestored', 'chain.keyExported', 'chain.keyImported',
  'chain.setUp', 'chain.settingsChanged', 'chain.transferQueued', 'chain.outboxRetried', 'chain.anchored',
  // meters, their trust store and stock (Modbus) meters
  'meter.registered', 'meter.provisionStarted', 'meter.provisioned', 'meter.supplyOn', 'meter.supplyOff', 'meter.clockSet',
  'trust.caAdded', 'trust.deviceKeyAdded', 'trust.anchorReactivated', 'trust.anchorRemoved', 'trust.platformKnown', 'trust.firmwareApproved', 'trust.firmwareWithdrawn', 'trust.certificateRevoked',
  'modbus.added', 'modbus.pollInterval', 'modbus.pollingOff',
  // the books: journal, payments, prepaid/postpaid billing
  'journal.reversed', 'payment.recorded', 'payment.suspense', 'payment.reversed', 'payment.resolved',
  'billing.modeSet', 'billing.thresholdSet', 'billing.remindersExported', 'billing.switchSent', 'billing.switchFailed', 'billing.switchDismissed',
  // settlements
  'settlement.computed', 'settlement.approved', 'settlement.reopened', 'settlement.posted',
  // green tokens
  'tokens.policySaved', 'tokens.redeemed', 'tokens.cashedOut',
  // the members' kiosk
  'kiosk.signedInPin', 'kiosk.signedInCard', 'kiosk.cardIssued', 'kiosk.cardReplaced',
  // field sync
  'fieldSync.officeSetUp', 'fieldSync.consoleEnrolled', 'fieldSync.consoleRevoked', 'fieldSync.enrolledAs',
  'fieldSync.packExported', 'fieldSync.packImported', 'fieldSync.reportExported', 'fieldSync.reportImported', 'fieldSync.conflict', 'fieldSync.meterSetAside', 'fieldSync.lanOpened', 'fieldSync.lanClosed', 'fieldSync.lanPaired', 'fieldSync.lanPairingRefused', 'fieldSync.lanPairingStarted', 'fieldSync.conflictDecided', 'fieldSync.memberConflict', 'fieldSync.memberEdited',
] as const;
export type AuditSummaryCode = (typeof AUDIT_SUMMARY_CODES)[number];
