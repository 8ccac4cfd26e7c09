import { defineRule } from '../rule.js';
import { formatMessage, type Messages } from '../french/messages.js';
import { positionIn } from '../french/prose.js';
import { misspellings, type Misspelling } from '../french/spelling-check.js';
import { LETTERS } from '../../text/french/words.js';

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
    let found: Misspelling[];
    try {
      found = misspellings(issue, template, defaultOptions.maxSuggestions);
    } catch (error) {
      report({ line: 1, column: 1 }, formatMessage(messages.unavailable, { detail: error instanceof Error ? error.message.split('\n')[0]! : String(error) }));
      return;
    }
    for (const { text, word, suggestions } of found) {
      const quoted = { fr: suggestions.map((suggestion) => `« ${suggestion} »`).join(', '), en: suggestions.map((suggestion) => `"${suggestion}"`).join(', ') };
      const message = suggestions.length > 0 ? messages.unknown : messages.unknownNoSuggestion;
      report(positionIn(issue, text, word.start), formatMessage(message, { word: word.text, command: addCommand(word.text), suggestions: quoted }));
    }
  },
});

/** What to type to accept the word; quoted when a shell would cut it (an apostrophe). */
function addCommand(word: string): string {
  return new RegExp(`^[${LETTERS}0-9-]+$`).test(word) ? `npx pvd words add ${word}` : `npx pvd words add "${word}"`;
}
