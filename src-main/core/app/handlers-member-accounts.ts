// Channel → use case for members' chain accounts. Input is already validated and the role checked
// by the dispatcher; each line picks the service call and the acting operator.
import type { memberAccountsChannels } from '../../contract/member-accounts.js';
import type { AreaHandlers } from '../api/dispatcher.js';
import { asCoreErrors } from '../members-chain/chain-core-errors.js';
import { actor, type HandlerHost } from './handlers.js';

export function memberAccountsHandlers(host: HandlerHost): AreaHandlers<keyof typeof memberAccountsChannels> {
  const accounts = () => host.services.memberAccounts;
  return {
    'memberAccounts.get': (input) => accounts().view(input.memberId),
    'memberAccounts.create': (input, ctx) => asCoreErrors(() => accounts().create(actor(ctx), input.memberId, input.pin)),
    'memberAccounts.linkExternal': (input, ctx) => accounts().linkExternal(actor(ctx), input.memberId, input.address),
    'memberAccounts.setPin': (input, ctx) => asCoreErrors(() => accounts().setPin(actor(ctx), input.memberId, input.pin)),
    'memberAccounts.fund': (input, ctx) => asCoreErrors(() => accounts().fund(actor(ctx), input.memberId)),
  };
}
