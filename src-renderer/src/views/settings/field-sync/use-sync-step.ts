// One sync action on screen (read a file, let the core check it, show the result): its phase and
// progress, and a refusal said in the operator's language (the refusal's code) with the core's
// sentence naming the item and reason underneath.
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError } from '../../../api/index.js';
import { useErrorText } from '../../../components/error-text.js';

export type SyncPhase = 'idle' | 'reading' | 'checking' | 'writing' | 'done' | 'failed';

export interface SyncRefusalText {
  readonly title: string;
  readonly detail: string;
}

export function useSyncStep() {
  const { t, te } = useI18n();
  const errorText = useErrorText();
  const phase = ref<SyncPhase>('idle');
  const fraction = ref(0);
  const refusal = ref<SyncRefusalText | null>(null);
  /** Counts the runs: the bar is drawn afresh for each, so nothing of a refused run stays on it. */
  const runNo = ref(0);

  function describe(error: unknown): SyncRefusalText {
    if (error instanceof ApiError && error.details.syncRefusal) {
      const key = `fieldSync.refusal.${error.details.syncRefusal}`;
      return { title: te(key) ? t(key) : t('fieldSync.refusal.generic'), detail: error.message };
    }
    return { title: t('fieldSync.refusal.generic'), detail: errorText(error) };
  }

  /** Runs one action; returns its value, or null after showing why it was refused. */
  async function run<T>(action: (progress: { reading: (f: number) => void; checking: () => void; writing: () => void }) => Promise<T>): Promise<T | null> {
    runNo.value += 1;
    refusal.value = null;
    fraction.value = 0;
    phase.value = 'reading';
    try {
      const value = await action({
        reading: (f) => {
          phase.value = 'reading';
          fraction.value = Math.min(0.5, f / 2);
        },
        checking: () => {
          phase.value = 'checking';
          fraction.value = 0.6;
        },
        writing: () => {
          phase.value = 'writing';
          fraction.value = 0.6;
        },
      });
      phase.value = 'done';
      fraction.value = 1;
      return value;
    } catch (error) {
      phase.value = 'failed';
      refusal.value = describe(error);
      return null;
    }
  }

  return { phase, fraction, refusal, runNo, run };
}
