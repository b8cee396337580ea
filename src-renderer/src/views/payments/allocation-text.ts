// How one allocation line is said ("Instalment no. 3 · agreement 5 · paid off"): the payment split
// and the Account tab's credit applied later say it the same way.
import type { AllocationLineView } from '@contract';

type Translate = (key: string, params?: Record<string, unknown>) => string;

export function allocationLineText(line: Pick<AllocationLineView, 'code' | 'instalmentNo' | 'agreementId' | 'settles'>, t: Translate): string {
  if (line.code === null) return t('payments.split.credit');
  return `${t(`payments.codes.${line.code}`)}${line.instalmentNo ? ` ${t('payments.split.instalmentNo', { n: line.instalmentNo })}` : ''}${line.agreementId ? ` · ${t('payments.split.agreement', { id: line.agreementId })}` : ''}${line.settles ? ` · ${t('payments.split.paidOff')}` : ''}`;
}
