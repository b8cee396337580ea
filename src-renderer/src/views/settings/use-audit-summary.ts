// auditSummary bound to this window: the operator's language, units and the cooperative's zone.
import { useI18n } from 'vue-i18n';
import { usePreferencesStore } from '../../stores/preferences.js';
import { useUnits } from '../tariffs/units.js';
import { useDates } from '../../i18n/dates.js';
import { auditSummary, type SummarySource } from './audit-labels.js';

export function useAuditSummary(): (entry: SummarySource) => string {
  const { t, te } = useI18n();
  const units = useUnits();
  const dates = useDates();
  const preferences = usePreferencesStore();
  return (entry) =>
    auditSummary(entry, {
      t: (key, params) => t(key, params ?? {}),
      te: (key) => te(key),
      power: units.power,
      boundary: dates.boundary,
      dateTime: dates.dateTime,
      list: (items) => new Intl.ListFormat(preferences.locale, { type: 'conjunction' }).format(items),
    });
}
