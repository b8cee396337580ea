// Channel → use case for energy flows, allocation keys, source preferences, recompute and audit.
// Input is already validated and the role checked by the dispatcher.
import type { energyChannels } from '../../contract/energy.js';
import { CoreError } from '../api/core-error.js';
import type { AreaHandlers } from '../api/dispatcher.js';
import type { HandlerHost } from './handlers.js';

// Temporary: every channel answers a typed error until the energy service lands (same branch).
const notYet = (): never => {
  throw new CoreError('INTERNAL', 'Energy flows are not available in this build yet.');
};

export function energyHandlers(_host: HandlerHost): AreaHandlers<keyof typeof energyChannels> {
  return {
    'energy.series': notYet,
    'energy.flows': notYet,
    'energy.kpis': notYet,
    'energy.member': notYet,
    'energy.keys.list': notYet,
    'energy.keys.create': notYet,
    'energy.keys.previewCsv': notYet,
    'energy.keys.previewAllocation': notYet,
    'energy.preferences.get': notYet,
    'energy.preferences.set': notYet,
    'energy.recompute.start': notYet,
    'energy.recompute.state': notYet,
    'energy.audit': notYet,
  };
}
