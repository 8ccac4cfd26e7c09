import { createHash } from 'node:crypto';
import { codeIdentity, readCached, writeCached } from '../../io/cache.js';
import type { Verdict, VerdictStore } from '../../text/french/spelling.js';

interface StoredVerdicts {
  known: string[];
  /** Unknown word → the dictionary's suggestions. */
  unknown: Record<string, string[]>;
}

/** Past this many words the store starts afresh: a word seen once long ago costs little to check again. */
const MAX_WORDS = 50_000;

export type SavedVerdictStore = VerdictStore & { save(): void };

/**
 * Opened once per process: `pvd lint` of every issue, or a build worker, reads the file
 * once, and writes it once, when the process ends, if it learnt words.
 */
const opened = new Map<string, SavedVerdictStore>();

/**
 * The verdicts of earlier runs, in pvd's cache folder, named by the dictionary's version
 * and pvd's own build: a new dictionary or a new checker judges every word again. The
 * project's word list is read before the store, so editing it never invalidates it.
 */
export function openVerdictStore(dictionaryVersion: string): SavedVerdictStore {
  let store = opened.get(dictionaryVersion);
  if (!store) opened.set(dictionaryVersion, (store = readVerdictStore(dictionaryVersion)));
  return store;
}

function readVerdictStore(dictionaryVersion: string): SavedVerdictStore {
  const key = createHash('sha256').update(codeIdentity()).update('\0').update(dictionaryVersion).digest('hex');
  const stored = readCached<StoredVerdicts>('spelling', key);
  const known = new Set(stored?.known ?? []);
  const unknown = new Map(Object.entries(stored?.unknown ?? {}));
  let changed = false;
  const store: SavedVerdictStore = {
    get(word) {
      if (known.has(word)) return { known: true };
      const suggestions = unknown.get(word);
      return suggestions && { known: false, suggestions };
    },
    set(word, verdict: Verdict) {
      if (!changed) process.once('exit', () => store.save());
      changed = true;
      if (verdict.known) known.add(word);
      else unknown.set(word, verdict.suggestions);
    },
    save() {
      if (!changed) return;
      const fresh = known.size + unknown.size > MAX_WORDS;
      writeCached<StoredVerdicts>('spelling', key, fresh ? { known: [], unknown: {} } : { known: [...known], unknown: Object.fromEntries(unknown) });
      changed = false;
    },
  };
  return store;
}
