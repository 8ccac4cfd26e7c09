import { closest } from '../closest.js';
import { traditionalSpellings } from './reform-1990.js';
import { normalizeWord } from './words.js';
import type { WordList } from './word-list.js';

/** A spelling checker: hunspell in pvd, a stand-in in tests. */
export interface SpellEngine {
  spell(word: string): boolean;
  /** Undefined when the engine will not spend more time suggesting in this run. */
  suggest(word: string): string[] | undefined;
}

export type Verdict = { known: true } | { known: false; suggestions: string[] };

/** What was already decided about words, kept between runs so that the engine is seldom needed. */
export interface VerdictStore {
  get(word: string): Verdict | undefined;
  set(word: string, verdict: Verdict): void;
}

export interface SpellingOptions {
  words: WordList;
  store: VerdictStore;
  /** Called at most once, and only when a word is neither in the list nor in the store. */
  engine: () => SpellEngine;
  maxSuggestions: number;
}

/**
 * The verdict on each distinct word (as normalizeWord gives it): the project's word list
 * first, then what the store remembers, then the engine. Suggestions from the word list
 * (a misspelt place name) come first, since the dictionary cannot know them.
 */
export function spellingVerdicts(words: Iterable<string>, options: SpellingOptions): Map<string, Verdict> {
  const verdicts = new Map<string, Verdict>();
  let engine: SpellEngine | undefined;
  for (const written of words) {
    const word = normalizeWord(written);
    if (verdicts.has(word)) continue;
    if (options.words.accepts(word)) {
      verdicts.set(word, { known: true });
      continue;
    }
    let verdict = options.store.get(word);
    if (!verdict) {
      engine ??= options.engine();
      const judged = judge(word, engine, options);
      verdict = judged ?? { known: false, suggestions: [] };
      // A word left without suggestions for lack of time is judged again next run.
      if (judged) options.store.set(word, judged);
    }
    if (!verdict.known) {
      const near = closest(word, options.words.entries, (text) => text.toLowerCase());
      const suggestions = near && !verdict.suggestions.includes(near) ? [near, ...verdict.suggestions] : verdict.suggestions;
      verdict = { known: false, suggestions: suggestions.slice(0, options.maxSuggestions) };
    }
    verdicts.set(word, verdict);
  }
  return verdicts;
}

/** Suggestions kept in the store: a few more than shown, so that a word list entry can come first. */
const STORED_SUGGESTIONS = 5;

function judge(word: string, engine: SpellEngine, options: SpellingOptions): Verdict | undefined {
  if (engine.spell(word)) return { known: true };
  // An ad hoc compound (ville-centre, culture-jeunesse) is right when each of its words is.
  if (word.includes('-') && word.split('-').every((part) => part === '' || options.words.accepts(part) || engine.spell(part))) return { known: true };
  // Both spellings of the 1990 reform are right.
  if (traditionalSpellings(word).some((candidate) => engine.spell(candidate))) return { known: true };
  // A suggestion with a space splits the word in two: seldom what was meant.
  const suggestions = engine.suggest(word);
  return suggestions && { known: false, suggestions: suggestions.filter((suggestion) => !suggestion.includes(' ')).slice(0, STORED_SUGGESTIONS) };
}
