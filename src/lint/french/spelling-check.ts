import type { Issue } from '../../issue/model.js';
import type { Template } from '../../template/model.js';
import { styleMatcher } from '../../text/french/house-style.js';
import { spellingVerdicts } from '../../text/french/spelling.js';
import { isCapitalised, normalizeWord, opensSentence, proseWords, skipReason, type ProseWord } from '../../text/french/words.js';
import { dictionaryIdentity, loadHunspell } from './hunspell.js';
import { levelOf } from '../engine.js';
import { proseTexts, styleFindingsIn, type ProseText } from './prose.js';
import { openVerdictStore } from './spelling-cache.js';
import { templateWordList } from './word-list-file.js';

/** An unknown word of an issue, where it is, and what the dictionary and the word list suggest. */
export interface Misspelling {
  text: ProseText;
  word: ProseWord;
  suggestions: readonly string[];
}

/**
 * The unknown words of an issue's prose and header, in order. Throws when the dictionary
 * cannot be loaded (node_modules incomplete).
 */
export function misspellings(issue: Issue, template: Template, maxSuggestions: number): Misspelling[] {
  const found: { text: ProseText; word: ProseWord }[] = [];
  const restyled = houseStyleSpans(template);
  for (const text of proseTexts(issue, { header: true })) {
    const spans = restyled(text);
    for (const word of wordsToCheck(text)) {
      if (!spans.some(({ start, end }) => word.start >= start && word.start < end)) found.push({ text, word });
    }
  }
  if (found.length === 0) return [];
  const store = openVerdictStore(dictionaryIdentity().version);
  const verdicts = spellingVerdicts(found.map(({ word }) => word.text), { words: templateWordList(template), store, engine: loadHunspell, maxSuggestions });
  return found.flatMap(({ text, word }) => {
    const verdict = verdicts.get(normalizeWord(word.text));
    return !verdict || verdict.known ? [] : [{ text, word, suggestions: verdict.suggestions }];
  });
}

/**
 * The words of a text the dictionary reads. Issues repeat their paragraphs (the carried-over
 * sections, an issue linted again after an edit): each text is read once per process.
 */
function wordsToCheck(text: ProseText): readonly ProseWord[] {
  const key = `${text.startsSentence ? '.' : ' '}${text.value}`;
  let words = readTexts.get(key);
  if (!words) {
    words = proseWords(text.value).filter((word) => !skipReason(word.text, isCapitalised(word.text) && opensSentence(text.value, word.start, text.startsSentence)));
    if (readTexts.size >= MAX_READ_TEXTS) readTexts.clear();
    readTexts.set(key, words);
  }
  return words;
}

const readTexts = new Map<string, readonly ProseWord[]>();
/** A bound for long-lived processes (pvd preview): past it, texts are read afresh. */
const MAX_READ_TEXTS = 10_000;

/**
 * Where the house style rewrites a text (« email » → « e-mail »): that word is house-style's to
 * report, and one remark on it is enough. Unless house-style is switched off in template.yaml.
 */
function houseStyleSpans(template: Template): (text: ProseText) => readonly { start: number; end: number }[] {
  const matcher = styleMatcher(template.config.style);
  if (!matcher || levelOf(template.config.rules['house-style']) === 'off') return () => [];
  return (text) => styleFindingsIn(text, matcher);
}
