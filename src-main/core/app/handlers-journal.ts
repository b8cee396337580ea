// Channel → use case for the journal (books). Input is already validated and the role checked by
// the dispatcher; each line picks the service call and the acting operator.
import type { journalChannels } from '../../contract/journal.js';
import type { AreaHandlers } from '../api/dispatcher.js';
import { actor, type HandlerHost } from './handlers.js';

export function journalHandlers(host: HandlerHost): AreaHandlers<keyof typeof journalChannels> {
  const journal = () => host.services.journal;
  return {
    'journal.integrity.status': () => journal().integrityStatus(),
    'journal.integrity.check': () => journal().checkIntegrity('on-demand'),
    'journal.accounts.balances': () => journal().cooperativeAccounts(),
    'journal.member.account': (input) => journal().memberAccount(input.memberId, { limit: input.limit, offset: input.offset }),
    'journal.entries.reverse': (input, ctx) => journal().reverse(actor(ctx), input.entryId, input.reason),
  };
}
