// Which chain the console uses: the choice saved in Settings (table `settings`, migration 0006)
// wins over the launch default, unless this run was launched with an explicit choice
// (COOP_CHAIN, or a CLI that says so) — that one applies for this run only.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { ChainChoiceSource, ChainChoiceView } from '../../contract/chain.js';
import type { ChainChoice } from './services.js';

const CHOICE_KEY = 'chain.choice';
const savedSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('embedded') }),
  z.object({ mode: z.literal('off') }),
  z.object({ mode: z.literal('external'), endpoint: z.string().min(1) }),
]);

export interface ResolvedChainChoice {
  readonly choice: ChainChoice;
  readonly source: ChainChoiceSource;
}

export function readSavedChainChoice(db: Database): ChainChoice | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(CHOICE_KEY) as { value: string } | undefined;
  if (!row) return null;
  try {
    const parsed = savedSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // an unreadable setting is ignored; saving again replaces it
  }
}

export function saveChainChoice(db: Database, choice: ChainChoice, at: string): void {
  const value = JSON.stringify(choice.mode === 'external' ? { mode: 'external', endpoint: choice.endpoint } : { mode: choice.mode });
  db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`).run(CHOICE_KEY, value, at);
}

export function resolveChainChoice(launch: ChainChoice, launchOverride: boolean, saved: ChainChoice | null): ResolvedChainChoice {
  if (launchOverride) return { choice: launch, source: 'launch' };
  if (saved) {
    // Keep a launch port for the embedded node (tests and tools pin it).
    if (saved.mode === 'embedded' && launch.mode === 'embedded') return { choice: launch, source: 'settings' };
    return { choice: saved, source: 'settings' };
  }
  return { choice: launch, source: 'default' };
}

export const choiceView = (r: ResolvedChainChoice): ChainChoiceView => ({
  mode: r.choice.mode,
  endpoint: r.choice.mode === 'external' ? r.choice.endpoint : null,
  source: r.source,
});
