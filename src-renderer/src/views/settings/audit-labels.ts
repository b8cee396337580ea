// The audit log stores stable codes ("demo.load", "tariff_version"); people read labels. Known codes
// are translated; a code without a label (new areas add their own) is still shown readably.
export type Translate = (key: string) => string;
export type HasTranslation = (key: string) => boolean;

/** "chain.keystore.initialize" → "Chain keystore initialize" (the fallback for codes without a label). */
export function humanizeCode(code: string): string {
  const words = code.split(/[._-]+/).filter(Boolean).join(' ');
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : code;
}

/** The translation key of a code: vue-i18n reads dots as nesting, so they become underscores. */
export const codeKey = (prefix: string, code: string): string => `${prefix}.${code.replace(/[.\-]/g, '_')}`;

export function auditLabel(prefix: string, code: string, t: Translate, te: HasTranslation): string {
  const key = codeKey(prefix, code);
  return te(key) ? t(key) : humanizeCode(code);
}

/** What an audit summary needs besides translations: units and dates in the operator's format. */
/** Parameters that hold a code, and the group of common.audit its words are under. */
const WORD_GROUPS: Readonly<Record<string, string>> = {
  kind: 'kinds', from: 'states', to: 'states', state: 'states', role: 'roles', operatorRole: 'operatorRoles', keyRole: 'keyRoles',
  cancellation: 'cancellations', setupState: 'setupStates', chainMode: 'chainModes', decision: 'decisions', mode: 'keyModes', asset: 'assets',
};

export interface SummaryFormat {
  t: (key: string, params?: Record<string, unknown>) => string;
  te: HasTranslation;
  power: (w: number) => string;
  boundary: (iso: string) => string;
  dateTime: (iso: string) => string;
  list: (items: readonly string[]) => string;
}

export interface SummarySource {
  readonly summary: string;
  readonly summaryCode: string | null;
  readonly summaryParams: Readonly<Record<string, unknown>> | null;
}

/**
 * An audit or timeline entry in the operator's language, from the code and values the core stored;
 * an entry without a code (written before codes, or by a caller that gives only a sentence) keeps
 * the core's sentence.
 */
export function auditSummary(entry: SummarySource, f: SummaryFormat): string {
  const key = entry.summaryCode ? codeKey('common.audit.summaries', entry.summaryCode) : null;
  if (!key || !f.te(key)) return entry.summary;
  const p = entry.summaryParams ?? {};
  const word = (group: string, value: unknown) => {
    const text = String(value ?? '');
    return f.te(`common.audit.${group}.${text}`) ? f.t(`common.audit.${group}.${text}`) : humanizeCode(text);
  };
  const params: Record<string, unknown> = { ...p };
  const list = (group: string, items: readonly unknown[]) => (items.length ? f.list(items.map((item) => word(group, item))) : f.t('common.audit.nothing'));
  if (Array.isArray(p.fields)) params.fields = list('fields', p.fields);
  if (Array.isArray(p.changes)) params.changes = list('operatorChanges', p.changes);
  if (Array.isArray(p.sources)) params.sources = p.sources.length ? p.sources.map((source: unknown) => word('kinds', source)).join(' › ') : f.t('common.audit.nothing');
  // A code-valued parameter is said with its group's word (a kind, a status, a role …).
  for (const [name, group] of Object.entries(WORD_GROUPS)) if (typeof p[name] === 'string') params[name] = word(group, p[name]);
  if (typeof p.ratedPowerW === 'number') params.power = f.power(p.ratedPowerW);
  params.limitText = typeof p.loadLimitW === 'number' ? f.t('common.audit.loadLimit', { power: f.power(p.loadLimitW) }) : '';
  if (typeof p.validFrom === 'string') params.validFrom = f.boundary(p.validFrom);
  if (typeof p.at === 'string') params.at = f.dateTime(p.at);
  const makeModel = [p.make, p.model].filter((v) => typeof v === 'string' && v.trim() !== '').join(' ');
  params.makeModel = makeModel ? ` · ${makeModel}` : '';
  params.equipmentText = typeof p.equipment === 'string' && p.equipment.trim() ? ` · ${p.equipment.trim()}` : '';
  params.reasonText = typeof p.reason === 'string' && p.reason.trim() ? ` — ${p.reason.trim()}` : '';
  params.voidedText = typeof p.voided === 'number' && p.voided > 0 ? f.t('common.audit.voided', { count: p.voided }) : '';
  return f.t(key, params);
}
