// Channel → use case for the members' kiosk. 'member' channels take the member from the session the
// dispatcher resolved (ctx.member), never from the input.
import type { kioskChannels } from '../../contract/kiosk.js';
import { CoreError } from '../api/core-error.js';
import type { AreaHandlers, CallContext, KioskPrincipal } from '../api/dispatcher.js';
import { actor, type HandlerHost } from './handlers.js';

const member = (ctx: CallContext): KioskPrincipal => {
  if (!ctx.member) throw new CoreError('FORBIDDEN', 'Only a member signed in at the kiosk can use this.');
  return ctx.member;
};
const token = (ctx: CallContext): string => {
  if (!ctx.token) throw new CoreError('UNAUTHENTICATED', 'Please sign in first.');
  return ctx.token;
};

export function kioskHandlers(host: HandlerHost): AreaHandlers<keyof typeof kioskChannels> {
  const k = () => host.services.kiosk;
  return {
    'kiosk.welcome': () => k().welcome(),
    'kiosk.signIn': (input) => k().signIn(input),
    'kiosk.me': (_input, ctx) => k().me(member(ctx), token(ctx)),
    'kiosk.signOut': (_input, ctx) => {
      member(ctx);
      k().signOut(token(ctx));
      return { signedOut: true };
    },
    'kiosk.agreements': (_input, ctx) => k().agreements(member(ctx)),
    'kiosk.energy': (input, ctx) => k().energy(member(ctx), input.from, input.to),
    'kiosk.account': (_input, ctx) => k().account(member(ctx)),
    'kioskCards.get': (input) => k().cardStatus(input.memberId),
    'kioskCards.issue': (input, ctx) => k().issueCard(actor(ctx), input.memberId),
  };
}
