// Local copy of the journal's account reference (issue 11 plan, helper J's `core/journal`), so the
// settlement core compiles before that branch is merged. Delete at merge and import from
// `../journal/index.js` instead: the shapes are identical by construction.
export type AccountRef =
  | { kind: 'member'; memberId: number }
  | { kind: 'cooperative-fees' }
  | { kind: 'cooperative-energy' }
  | { kind: 'grid' }
  | { kind: 'government' }
  | { kind: 'cash' }
  | { kind: 'mobile-money' }
  | { kind: 'suspense' }
  | { kind: 'token-redemption' };
