import { describe, expect, it, vi } from 'vitest';
import spelling from '../../../src/lint/rules/spelling.js';
import { testRule } from '../rule-tester.js';
import { lintIn, SOURCE_042 } from '../support.js';
import { projectCopies } from './support.js';

// As when node_modules lacks the dictionary (an install cut short).
vi.mock('../../../src/lint/french/hunspell.js', () => ({
  dictionaryIdentity: () => {
    throw new Error("Cannot find module 'dictionary-fr'\nRequire stack: …");
  },
  loadHunspell: () => {
    throw new Error('not reached');
  },
}));

const makeProject = projectCopies();

describe('the spelling rule without its dictionary', () => {
  it('says so once, at the top of the file, and lets the other rules run', () => {
    const diagnostics = lintIn(makeProject(), SOURCE_042.replace('Directrice du programme PVD', 'Directrice du  programme PVD'));
    expect(diagnostics.map(({ rule, line, column, severity }) => [rule, line, column, severity])).toEqual([
      ['spelling', 1, 1, 'warning'],
      ['double-space', 31, 14, 'warning'],
    ]);
    expect(diagnostics[0]!.message).toEqual({
      fr: "Le correcteur orthographique n'a pas pu se charger (Cannot find module 'dictionary-fr') : lancez « npm install » à la racine du dépôt.",
      en: "The spelling checker could not load (Cannot find module 'dictionary-fr'): run \"npm install\" at the root of the repository.",
    });
  });
});

testRule(spelling, SOURCE_042, {
  valid: [],
  invalid: [{ name: 'an issue with a misspelt word, and no dictionary', code: (source) => source.replace('Directrice du programme PVD', 'Directrice du programe PVD'), errors: [{ messageId: 'unavailable', line: 1, column: 1 }] }],
});
