// Agreement status → tag colour and chart colour, shared by the list, the chart and the detail.
import type { AgreementStatus } from '@contract';

export const STATUS_TAG: Record<AgreementStatus, 'default' | 'info' | 'warning' | 'success' | 'error'> = {
  draft: 'default',
  proposed: 'info',
  signed: 'warning',
  active: 'success',
  completed: 'default',
  terminated: 'error',
};

export const STATUS_COLOR: Record<AgreementStatus, string> = {
  draft: '#8c8c8c',
  proposed: '#5b8ff9',
  signed: '#f6bd16',
  active: '#3aa56b',
  completed: '#269a99',
  terminated: '#e8684a',
};
