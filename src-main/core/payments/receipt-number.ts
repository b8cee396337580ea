// A payment's receipt number, as the member's receipt and the kiosk show it: "R-000042". Its own
// module (no imports) so the journal can name a payment's receipt without depending on payments.
export const receiptNo = (id: number): string => `R-${String(id).padStart(6, '0')}`;
