// A member tab's data: loaded when the tab opens (and again for another member), with its error in words.
import { ref, watch, type Ref } from 'vue';
import { useErrorText } from '../../../components/error-text.js';

export function useTabLoad<T>(memberId: Ref<number>, load: (memberId: number) => Promise<T>) {
  const errorText = useErrorText();
  const data = ref<T | null>(null) as Ref<T | null>;
  const failure = ref<string | null>(null);
  const loading = ref(false);
  watch(
    memberId,
    async (id) => {
      loading.value = true;
      try {
        data.value = await load(id);
        failure.value = null;
      } catch (err) {
        failure.value = errorText(err);
      } finally {
        loading.value = false;
      }
    },
    { immediate: true },
  );
  return { data, failure, loading };
}
