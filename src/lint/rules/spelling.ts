import * as v from 'valibot';
import { LETTERS } from '../../text/french/words.js';
import { positionIn } from '../french/prose.js';
import { misspellings, type Misspelling } from '../french/spelling-check.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'spelling',
  severity: 'warning',
  description: { fr: "Orthographe : chaque mot est dans le dictionnaire français (hunspell) ou dans la liste de mots du gabarit", en: 'Spelling: every word is in the French dictionary (hunspell) or in the template’s word list' },
  options: v.object({
    /** Suggestions shown per unknown word. */
    maxSuggestions: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10)), 3),
  }),
  messages: {
    unknown: {
      fr: "« {word} » n'est pas dans le dictionnaire : vouliez-vous dire {suggestions} ? Si le mot est juste (un nom de lieu ou de personne), ajoutez-le à la liste de mots : {command}",
      en: '"{word}" is not in the dictionary: did you mean {suggestions}? If the word is right (the name of a place or a person), add it to the word list: {command}',
    },
    unknownNoSuggestion: {
      fr: "« {word} » n'est pas dans le dictionnaire. Si le mot est juste (un nom de lieu ou de personne), ajoutez-le à la liste de mots : {command}",
      en: '"{word}" is not in the dictionary. If the word is right (the name of a place or a person), add it to the word list: {command}',
    },
    unavailable: {
      fr: "Le correcteur orthographique n'a pas pu se charger ({detail}) : lancez « npm install » à la racine du dépôt.",
      en: 'The spelling checker could not load ({detail}): run "npm install" at the root of the repository.',
    },
  },
  create({ issue, template, options, report }) {
    return {
      issue() {
        let found: Misspelling[];
        try {
          found = misspellings(issue, template, options.maxSuggestions);
        } catch (error) {
          return report({ at: { line: 1, column: 1 }, messageId: 'unavailable', data: { detail: error instanceof Error ? error.message.split('\n')[0]! : String(error) } });
        }
        for (const { text, word, suggestions } of found) {
          const quoted = { fr: suggestions.map((suggestion) => `« ${suggestion} »`).join(', '), en: suggestions.map((suggestion) => `"${suggestion}"`).join(', ') };
          report({ at: positionIn(issue, text, word.start), messageId: suggestions.length > 0 ? 'unknown' : 'unknownNoSuggestion', data: { word: word.text, command: addCommand(word.text), suggestions: quoted } });
        }
      },
    };
  },
});

/** What to type to accept the word; quoted when a shell would cut it (an apostrophe). */
function addCommand(word: string): string {
  return new RegExp(`^[${LETTERS}0-9-]+$`).test(word) ? `npx pvd words add ${word}` : `npx pvd words add "${word}"`;
}
