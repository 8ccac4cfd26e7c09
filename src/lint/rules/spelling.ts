import { defineRule } from '../rule.js';
import { dictionaryIdentity, loadHunspell } from '../french/hunspell.js';
import { formatMessage, type Messages } from '../french/messages.js';
import { positionIn, proseTexts, type ProseText } from '../french/prose.js';
import { openVerdictStore } from '../french/spelling-cache.js';
import { templateWordList } from '../french/word-list-file.js';
import { spellingVerdicts } from '../../text/french/spelling.js';
import { isCapitalised, LETTERS, normalizeWord, opensSentence, proseWords, skipReason, type ProseWord } from '../../text/french/words.js';

export const messages: Messages<'unknown' | 'unknownNoSuggestion' | 'unavailable'> = {
  unknown: {
    fr: "« {{word}} » n'est pas dans le dictionnaire : vouliez-vous dire {{suggestions}} ? Si le mot est juste (un nom de lieu ou de personne), ajoutez-le à la liste de mots : {{command}}",
    en: '"{{word}}" is not in the dictionary: did you mean {{suggestions}}? If the word is right (the name of a place or a person), add it to the word list: {{command}}',
  },
  unknownNoSuggestion: {
    fr: "« {{word}} » n'est pas dans le dictionnaire. Si le mot est juste (un nom de lieu ou de personne), ajoutez-le à la liste de mots : {{command}}",
    en: '"{{word}}" is not in the dictionary. If the word is right (the name of a place or a person), add it to the word list: {{command}}',
  },
  unavailable: {
    fr: "Le correcteur orthographique n'a pas pu se charger ({{detail}}) : lancez « npm install » à la racine du dépôt.",
    en: 'The spelling checker could not load ({{detail}}): run "npm install" at the root of the repository.',
  },
};

export const defaultOptions = {
  /** Suggestions shown per unknown word. */
  maxSuggestions: 3,
};

export default defineRule({
  id: 'spelling',
  severity: 'warning',
  description: { fr: "Orthographe : chaque mot est dans le dictionnaire français (hunspell) ou dans la liste de mots du gabarit", en: 'Spelling: every word is in the French dictionary (hunspell) or in the template’s word list' },
  check({ issue, template }, report) {
    const found: { text: ProseText; word: ProseWord }[] = [];
    for (const text of proseTexts(issue, { header: true })) {
      for (const word of wordsToCheck(text)) found.push({ text, word });
    }
    if (found.length === 0) return;
    let verdicts;
    try {
      const store = openVerdictStore(dictionaryIdentity().version);
      verdicts = spellingVerdicts(found.map(({ word }) => word.text), { words: templateWordList(template), store, engine: loadHunspell, maxSuggestions: defaultOptions.maxSuggestions });
    } catch (error) {
      report({ line: 1, column: 1 }, formatMessage(messages.unavailable, { detail: error instanceof Error ? error.message.split('\n')[0]! : String(error) }));
      return;
    }
    for (const { text, word } of found) {
      const verdict = verdicts.get(normalizeWord(word.text));
      if (!verdict || verdict.known) continue;
      const suggestions = {
        fr: verdict.suggestions.map((suggestion) => `« ${suggestion} »`).join(', '),
        en: verdict.suggestions.map((suggestion) => `"${suggestion}"`).join(', '),
      };
      const message = verdict.suggestions.length > 0 ? messages.unknown : messages.unknownNoSuggestion;
      report(positionIn(issue, text, word.start), formatMessage(message, { word: word.text, command: addCommand(word.text), suggestions }));
    }
  },
});

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

/** What to type to accept the word; quoted when a shell would cut it (an apostrophe). */
function addCommand(word: string): string {
  return new RegExp(`^[${LETTERS}0-9-]+$`).test(word) ? `npx pvd words add ${word}` : `npx pvd words add "${word}"`;
}
