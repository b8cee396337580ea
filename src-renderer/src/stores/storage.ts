// Browser storage that degrades to memory where there is none (unit tests, locked-down hosts).
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

function pick(name: 'localStorage' | 'sessionStorage'): KeyValueStore {
  try {
    const store = (globalThis as Partial<Record<typeof name, Storage>>)[name];
    if (store) return store;
  } catch {
    // Access can throw (e.g. storage disabled); fall through to memory.
  }
  return memoryStore();
}

export const storage = {
  local: pick('localStorage'),
  session: pick('sessionStorage'),
};
