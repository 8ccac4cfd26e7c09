import { describe, expect, it } from 'vitest';
import { traditionalSpellings } from '../../../src/text/french/reform-1990.js';
import { addToWordList, parseWordList, wordProblem } from '../../../src/text/french/word-list.js';
import { maskNonProse, normalizeWord, opensSentence, proseWords, skipReason } from '../../../src/text/french/words.js';

const words = (text: string) => proseWords(text).map((word) => [word.text, word.start]);

describe('the words of a text', () => {
  it('keeps elisions, compounds, typographic apostrophes and ligatures whole, with their offsets', () => {
    expect(words("L'année où qu’il vint aujourd’hui, les centres-bourgs et le cœur\u00a0: vingt-et-un.")).toEqual([
      ["L'année", 0], ['où', 8], ['qu’il', 11], ['vint', 17], ['aujourd’hui', 22], ['les', 35], ['centres-bourgs', 39], ['et', 54], ['le', 57], ['cœur', 60], ['vingt-et-un', 67],
    ]);
  });

  it('splits at no-break spaces, narrow ones included, and at slashes', () => {
    expect(words('84\u00a0%\u202fdes culture/jeunesse')).toEqual([['84', 0], ['des', 5], ['culture', 9], ['jeunesse', 17]]);
  });

  it('leaves out addresses, domains, merge tags, hashtags and handles', () => {
    const text = 'Voir https://anct.gouv.fr/pvd?x=1, www.cerema.fr, aides-territoires.beta.gouv.fr, pvd@anct.gouv.fr, {{ contact.PRENOM }}, *|FNAME|*, [[UNSUB]], #PVD et @ANCT_gouv puis fin';
    expect(proseWords(text).map((word) => word.text)).toEqual(['Voir', 'et', 'puis', 'fin']);
    expect(maskNonProse(text)).toHaveLength(text.length);
  });
});

describe('which words the dictionary reads', () => {
  it.each([
    ['4e', false, 'number'], ['14h00', false, 'number'], ['1er', true, 'number'],
    ['PVD', true, 'acronym'], ['ACV-PVD', false, 'acronym'], ['CEREMA', true, 'acronym'],
    ['Manosque', false, 'proper-name'], ['Saint-Bonnet-en-Champsaur', false, 'proper-name'], ["l'Agence", false, 'proper-name'], ["L'Agence", true, 'proper-name'],
    ['y', false, 'too-short'], ['x'.repeat(101), false, 'too-long'],
    ['YouTube', true, 'mixed-case'], ['iPhone', false, 'mixed-case'], ['LinkedIn', true, 'mixed-case'],
  ])('%s (sentence start: %s) is skipped as %s', (word, start, reason) => {
    expect(skipReason(word, start)).toBe(reason);
  });

  it.each([['Mobiliscope', true], ["L'année", true], ['programme', false], ['Meurthe-et-Moselle', true], ['anticonstitutionnellement', false], ['a'.repeat(100), false]])('%s (sentence start: %s) is read', (word, start) => {
    expect(skipReason(word, start)).toBeUndefined();
  });

  it('knows where sentences start: after . ! ? …, quotes and brackets aside, or where the text does', () => {
    const text = 'Fin. « Début » puis (Suite) et… Encore';
    expect(opensSentence(text, text.indexOf('Début'), false)).toBe(true);
    expect(opensSentence(text, text.indexOf('puis'), false)).toBe(false);
    expect(opensSentence(text, text.indexOf('Suite'), false)).toBe(false);
    expect(opensSentence(text, text.indexOf('Encore'), false)).toBe(true);
    expect(opensSentence(text, 0, true)).toBe(true);
    expect(opensSentence(text, 0, false)).toBe(false);
  });

  it('reads typographic apostrophes as straight ones and composes accents', () => {
    expect(normalizeWord('aujourd’hui')).toBe("aujourd'hui");
    expect(normalizeWord('e\u0301te\u0301')).toBe('été');
  });
});

describe('the project word list', () => {
  const list = parseWordList('\ufeff# Lieux\nManosque\n\nprojetothèque   # le mot du programme\r\nSigny-l’Abbaye\n');

  it('reads one word a line, comments and blank lines aside', () => {
    expect(list.entries).toEqual(['Manosque', 'projetothèque', "Signy-l'Abbaye"]);
  });

  it('accepts a lower-case entry capitalised and a name in capitals, as hunspell does, but not a name in lower case', () => {
    expect(['Manosque', 'MANOSQUE', 'projetothèque', 'Projetothèque', "Signy-l'Abbaye", 'Signy-l’Abbaye'].map((word) => list.accepts(word))).toEqual([true, true, true, true, true, true]);
    expect(['manosque', 'projetotheque', 'Manosques'].map((word) => list.accepts(word))).toEqual([false, false, false]);
  });

  it('adds words at the end, keeping comments and line endings, each once', () => {
    expect(addToWordList('# Lieux\r\nManosque', ['Oraison', 'Manosque', 'Oraison'])).toEqual({ text: '# Lieux\r\nManosque\r\nOraison\r\n', added: ['Oraison'], present: ['Manosque', 'Oraison'] });
    expect(addToWordList('', ['Toul'])).toEqual({ text: 'Toul\n', added: ['Toul'], present: [] });
    expect(addToWordList('Toul\n', ['Toul']).text).toBe('Toul\n');
  });

  it('refuses what is not one word', () => {
    expect(['', 'deux mots', 'mot#1', 'x'.repeat(65), 'Saint-Gildas'].map(wordProblem)).toEqual(['empty', 'space', 'comment', 'too-long', undefined]);
  });
});

describe('inclusive writing', () => {
  it('keeps a word and its endings together, and gives the dictionary the word alone', () => {
    expect(words('les chef·fes et les élu⋅e⋅s, acteur·rice·s')).toEqual([['les', 0], ['chef', 4], ['et', 13], ['les', 16], ['élu', 20], ['acteur', 29]]);
  });
});

describe('the 1990 reform read backwards', () => {
  it.each([
    ['connaitre', 'connaître'], ['aout', 'août'], ['piqure', 'piqûre'], ['règlementaire', 'réglementaire'], ['sècheresse', 'sécheresse'],
    ['ruissèle', 'ruisselle'], ['aigüe', 'aiguë'], ['ambigüité', 'ambiguïté'], ['argüer', 'arguer'], ['corole', 'corolle'],
    ['portemonnaie', 'porte-monnaie'], ['weekend', 'week-end'], ['contrepied', 'contre-pied'], ['assoir', 'asseoir'], ['exéma', 'eczéma'],
    ['pêlemêle', 'pêle-mêle'], ['potpourri', 'pot-pourri'], ['hautparleur', 'haut-parleur'], ['chaussetrappe', 'chausse-trappe'],
    ['combattif', 'combatif'], ['combattivité', 'combativité'],
  ])('%s stands for %s', (reformed, traditional) => {
    expect(traditionalSpellings(reformed)).toContain(traditional);
  });

  it('never offers the word itself', () => {
    expect(traditionalSpellings('table')).not.toContain('table');
  });
});
