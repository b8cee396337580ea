// The state every form drawer keeps while saving: a saving flag, the sentence above the form and
// per-field messages taken from the core's issues. One place, so all forms show errors the same way.
import { ref } from 'vue';
import { ApiError } from '../api/index.js';
import { useErrorText } from './error-text.js';

export interface SubmitOptions {
  /** Issue path prefix to strip for the form's fields (updates nest them under "changes."). */
  fieldPrefix?: string;
  /** Which errors mark fields; by default any ApiError that carries issues. */
  marksFields?: (error: ApiError) => boolean;
  /** A form's own sentence for an error; null falls back to the common error text. */
  message?: (error: unknown) => string | null;
}

export function useFormSave() {
  const errorText = useErrorText();
  const fieldErrors = ref<Record<string, string>>({});
  const failure = ref<string | null>(null);
  const saving = ref(false);

  const fe = (field: string): string | undefined => fieldErrors.value[field];
  const status = (field: string): 'error' | undefined => (fe(field) ? 'error' : undefined);

  function reset(): void {
    fieldErrors.value = {};
    failure.value = null;
  }

  /** Runs the save; on failure fills the field messages and the sentence, never throws. */
  async function submit(action: () => Promise<void>, options: SubmitOptions = {}): Promise<void> {
    saving.value = true;
    reset();
    try {
      await action();
    } catch (err) {
      if (err instanceof ApiError && (options.marksFields?.(err) ?? true)) fieldErrors.value = err.fieldErrors(options.fieldPrefix ?? '');
      failure.value = options.message?.(err) ?? errorText(err);
    } finally {
      saving.value = false;
    }
  }

  return { fieldErrors, failure, saving, fe, status, reset, submit };
}
