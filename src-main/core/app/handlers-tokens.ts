// Channel → use case for the green tokens. The kiosk channels ('member' access) take the member
// from the kiosk session the dispatcher resolved, never from the input: a member can only see and
// redeem their own tokens.
import type { tokensChannels } from '../../contract/tokens.js';
import { CoreError } from '../api/core-error.js';
import type { AreaHandlers, CallContext } from '../api/dispatcher.js';
import { actor, type HandlerHost } from './handlers.js';

const sessionMember = (ctx: CallContext): number => {
  if (!ctx.member) throw new CoreError('FORBIDDEN', 'Only a member signed in at the kiosk can use this.');
  return ctx.member.memberId;
};

export function tokensHandlers(host: HandlerHost): AreaHandlers<keyof typeof tokensChannels> {
  const tokens = () => host.services.tokens;
  return {
    'tokens.policies': () => tokens().policies(),
    'tokens.previewPolicy': (input) => tokens().preview(input.policy, input.siteId),
    'tokens.savePolicy': (input, ctx) => tokens().savePolicy(actor(ctx), input.validFrom, input.policy, input.notes),
    'tokens.member': (input) => tokens().member(input.memberId),
    'tokens.redeem': (input, ctx) => tokens().redeem(input.memberId, input.tokens, input.kind, actor(ctx)),
    'tokens.mine': (_input, ctx) => tokens().member(sessionMember(ctx)),
    'tokens.redeemMine': (input, ctx) => tokens().redeem(sessionMember(ctx), input.tokens, 'credit', null),
  };
}
