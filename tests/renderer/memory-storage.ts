// A Storage backed by a Map, optionally refusing to read or write: for the remembered records.
export function memoryStorage(options: { failGet?: boolean; failSet?: boolean } = {}): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => {
      if (options.failGet) throw new Error('SecurityError: storage is disabled');
      return data.get(k) ?? null;
    },
    setItem: (k, v) => {
      if (options.failSet) throw new Error('QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}
