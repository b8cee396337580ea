// Which member a statement line is from: by account reference first (the member number the payer
// typed as the Pay Bill account, or found in Details), then by phone. Phones are compared on their
// last nine digits (the national significant number in East Africa: +254 712 345 678, 0712 345678
// and 254712345678 are the same line); a phone shared by several members matches nobody.
import type { StatementRow } from './statement-csv.js';

export interface MatchableMember {
  readonly id: number;
  readonly memberNo: string;
  readonly phone: string;
}

export type StatementMatch =
  | { readonly memberId: number; readonly by: 'account' | 'phone' }
  | { readonly memberId: null; readonly reason: 'no-reference' | 'unknown-reference' | 'shared-phone' };

const SIGNIFICANT_DIGITS = 9;

/** Digits of a phone number, compared on the last nine; null when too short to identify anyone. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/\D/g, '');
  return digits.length >= SIGNIFICANT_DIGITS ? digits.slice(-SIGNIFICANT_DIGITS) : null;
}

const memberNoKey = (text: string) => text.trim().toUpperCase();

export class MemberMatcher {
  readonly #byNumber = new Map<string, number>();
  readonly #byPhone = new Map<string, number[]>();

  constructor(members: readonly MatchableMember[]) {
    for (const member of members) {
      this.#byNumber.set(memberNoKey(member.memberNo), member.id);
      const phone = normalisePhone(member.phone);
      if (phone) this.#byPhone.set(phone, [...(this.#byPhone.get(phone) ?? []), member.id]);
    }
  }

  match(row: Pick<StatementRow, 'accountRef' | 'details' | 'phone'>): StatementMatch {
    const byReference = row.accountRef ? this.#byNumber.get(memberNoKey(row.accountRef)) : undefined;
    if (byReference !== undefined) return { memberId: byReference, by: 'account' };
    // A member number written anywhere in Details ("Acc. k 101" is not one; "K-101" is).
    for (const token of row.details.split(/[\s,;:()]+/)) {
      const id = token ? this.#byNumber.get(memberNoKey(token.replace(/\.$/, ''))) : undefined;
      if (id !== undefined) return { memberId: id, by: 'account' };
    }
    const phone = row.phone ? normalisePhone(row.phone) : null;
    const owners = phone ? this.#byPhone.get(phone) : undefined;
    if (owners?.length === 1 && owners[0] !== undefined) return { memberId: owners[0], by: 'phone' };
    if (owners && owners.length > 1) return { memberId: null, reason: 'shared-phone' };
    return { memberId: null, reason: row.accountRef ? 'unknown-reference' : 'no-reference' };
  }
}
