// Channel → use case for members' statements. Kiosk channels take the member from the session
// (ctx.member), never from the input, so a member's kiosk reaches their own statements only.
import type { statementsChannels } from '../../contract/statements.js';
import { CoreError, refusal } from '../api/core-error.js';
import type { AreaHandlers, CallContext } from '../api/dispatcher.js';
import { StatementSourceError } from '../statements/statement-source.js';
import { StatementsUnavailableError } from '../statements/statements-service.js';
import type { HandlerHost } from './handlers.js';

const kioskMember = (ctx: CallContext): number => {
  if (!ctx.member) throw new CoreError('FORBIDDEN', 'Only a member signed in at the kiosk can use this.');
  return ctx.member.memberId;
};

/** The statements core's refusals as API errors (stable code + reason the renderer words). */
async function refusals<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StatementSourceError) {
      if (error.code === 'NOT_POSTED') throw refusal('CONFLICT', 'statementPeriodNotPosted', error.message);
      if (error.code === 'NO_STATEMENT') throw refusal('NOT_FOUND', 'noStatement', error.message);
      throw new CoreError('NOT_FOUND', error.message, undefined, { reason: 'notFound', params: {} });
    }
    if (error instanceof StatementsUnavailableError) throw new CoreError('CHAIN_NOT_CONNECTED', error.message);
    throw error;
  }
}

export function statementsHandlers(host: HandlerHost): AreaHandlers<keyof typeof statementsChannels> {
  const s = () => host.services.statements;
  return {
    'statements.ofMember': (input) => refusals(() => s().ofMember(input.memberId)),
    'statements.ofPeriod': (input) => refusals(() => s().ofPeriod(input.periodId)),
    'statements.get': (input) => refusals(() => s().get(input.periodId, input.memberId, input.locale)),
    'statements.verify': (input) => refusals(() => s().verify(input.periodId, input.memberId)),
    'statements.pdf': (input) => refusals(() => s().pdf(input.periodId, input.memberId, input.locale)),
    'statements.periodZip': (input) => refusals(async () => {
      const { count: _count, ...zip } = await s().periodZip(input.periodId, input.locale);
      return zip;
    }),
    'statements.mine': (_input, ctx) => refusals(() => s().ofMember(kioskMember(ctx))),
    'statements.myStatement': (input, ctx) => refusals(() => {
      const memberId = kioskMember(ctx);
      return s().get(s().periodOfMember(memberId, input.periodFrom), memberId, input.locale);
    }),
    'statements.verifyMine': (input, ctx) =>
      refusals(() => {
        const memberId = kioskMember(ctx);
        return s().verify(s().periodOfMember(memberId, input.periodFrom), memberId);
      }),
  };
}
