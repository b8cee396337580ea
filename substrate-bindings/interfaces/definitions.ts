// User type definitions for the typegen (none needed: every type comes from the v14 metadata).
export {};
