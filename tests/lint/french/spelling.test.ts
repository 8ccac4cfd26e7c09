import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/index.js';
import { fasterSuggestions, loadHunspell } from '../../../src/lint/french/hunspell.js';
import { spellingVerdicts, type SpellEngine, type Verdict, type VerdictStore } from '../../../src/text/french/spelling.js';
import { EMPTY_WORD_LIST, parseWordList } from '../../../src/text/french/word-list.js';
import { loadTemplate } from '../../../src/template/load.js';
import { editIssue, REPO, runPvd } from '../../helpers.js';
import { lintIn, SOURCE_042 } from '../support.js';
import { projectCopies } from './support.js';

const makeProject = projectCopies();

const memoryStore = (): VerdictStore & { entries: Map<string, Verdict> } => {
  const entries = new Map<string, Verdict>();
  return { entries, get: (word) => entries.get(word), set: (word, verdict) => void entries.set(word, verdict) };
};

/** A stand-in engine that knows a handful of words, and counts how often it is loaded. */
function fakeEngine(known: readonly string[]) {
  const loads = { count: 0, suggested: [] as string[] };
  const engine: SpellEngine = {
    spell: (word) => known.includes(word),
    suggest: (word) => {
      loads.suggested.push(word);
      return ['programme', 'pro gramme', 'programmes', 'programmer', 'programmé', 'programmeur'];
    },
  };
  return { loads, load: () => (loads.count++, engine) };
}

describe('spelling verdicts', () => {
  it('loads the engine only when a word is neither in the word list nor remembered', () => {
    const { loads, load } = fakeEngine(['le', 'programme', 'connaître', 'ville', 'centre']);
    const store = memoryStore();
    const options = { words: parseWordList('Manosque\n'), store, engine: load, maxSuggestions: 3 };
    spellingVerdicts(['Manosque'], options);
    expect(loads.count).toBe(0);
    const first = spellingVerdicts(['le', 'programe', 'le', 'connaitre', 'ville-centre'], options);
    expect(loads.count).toBe(1);
    expect(Object.fromEntries(first)).toEqual({
      le: { known: true },
      programe: { known: false, suggestions: ['programme', 'programmes', 'programmer'] },
      connaitre: { known: true },
      'ville-centre': { known: true },
    });
    // Remembered: a second run needs no engine, and asks for no suggestion again.
    spellingVerdicts(['le', 'programe', 'connaitre'], options);
    expect(loads.count).toBe(1);
    expect(loads.suggested).toEqual(['programe']);
    expect([...store.entries.keys()].sort()).toEqual(['connaitre', 'le', 'programe', 'ville-centre']);
  });

  it('puts the nearest word of the list first among the suggestions', () => {
    const { load } = fakeEngine([]);
    const verdicts = spellingVerdicts(['Forcalqier'], { words: parseWordList('Forcalquier\n'), store: memoryStore(), engine: load, maxSuggestions: 2 });
    expect(verdicts.get('Forcalqier')).toEqual({ known: false, suggestions: ['Forcalquier', 'programme'] });
  });

  it('reports a word the engine had no time to suggest for without suggestions, and forgets it for the next run', () => {
    const store = memoryStore();
    const engine: SpellEngine = { spell: () => false, suggest: () => undefined };
    const verdicts = spellingVerdicts(['programe'], { words: EMPTY_WORD_LIST, store, engine: () => engine, maxSuggestions: 3 });
    expect(verdicts.get('programe')).toEqual({ known: false, suggestions: [] });
    expect(store.entries.size).toBe(0);
  });

  it('reads typographic apostrophes as straight ones', () => {
    const { load } = fakeEngine(["aujourd'hui"]);
    expect(spellingVerdicts(['aujourd’hui'], { words: EMPTY_WORD_LIST, store: memoryStore(), engine: load, maxSuggestions: 3 }).get("aujourd'hui")).toEqual({ known: true });
  });
});

describe('hunspell with dictionary-fr', () => {
  const engine = loadHunspell();

  it('knows French: elisions, straight and typographic apostrophes, compounds, ligatures', () => {
    const words = ["l'année", 'l’année', "qu'il", "aujourd'hui", 'centres-bourgs', 'vingt-et-un', 'cœur', 'œuvre', 'Rendez-vous', 'inscrivez-vous', 'webinaire', 'réhabilitation', 'intercommunalité'];
    expect(words.filter((word) => !engine.spell(word))).toEqual([]);
    expect(['coeur', 'programe', 'anée'].filter((word) => engine.spell(word))).toEqual([]);
  });

  it('accepts both spellings of the 1990 reform, through the candidates for the classic dictionary', () => {
    const { load } = { load: () => engine };
    const pairs = ['connaître', 'connaitre', 'événement', 'évènement', 'réglementaire', 'règlementaire', 'week-end', 'weekend', 'aiguë', 'aigüe', 'ruisselle', 'ruissèle', 'chaîne', 'chaine', 'asseoir', 'assoir', 'oignon', 'ognon'];
    const verdicts = spellingVerdicts(pairs, { words: EMPTY_WORD_LIST, store: memoryStore(), engine: load, maxSuggestions: 3 });
    expect(pairs.filter((word) => !verdicts.get(word)!.known)).toEqual([]);
  });

  it('suggests the likely word first, with the MAP table trimmed', () => {
    for (const [word, first] of [['programe', 'programme'], ['dévelopement', 'développement'], ['acceuil', 'accueil'], ['coeur', 'cœur'], ['evenement', 'événement']] as const) {
      expect(engine.suggest(word)![0]).toBe(first);
    }
  });

  it('keeps the lower-case accent classes of the MAP table and drops the case ones', () => {
    expect(fasterSuggestions('SET UTF-8\nMAP 4\nMAP aàâäAÀÂÄ\nMAP bB\nMAP iîïyIÎÏY\nMAP cçCÇ\nKEY az')).toBe('SET UTF-8\nMAP 3\nMAP aàâä\nMAP iîïy\nMAP cç\nKEY az');
    expect(fasterSuggestions('SET UTF-8\n')).toBe('SET UTF-8\n');
  });
});

describe('the spelling rule', () => {
  const only = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.rule === 'spelling');
  const signature = (text: string) => SOURCE_042.replace('Directrice du programme PVD', text);

  it('passes #42, whose names are in templates/pvd/mots.txt', () => {
    expect(only(lintIn(makeProject(), SOURCE_042))).toEqual([]);
  });

  it('reports each unknown word at its place, with its suggestions (three at most) and the command that accepts it', () => {
    const found = only(lintIn(makeProject(), signature('Directrice du programe PVD, Xylofrique aujourd’hui')));
    const line = SOURCE_042.split('\n').findIndex((text) => text === 'Directrice du programme PVD') + 1;
    expect(found.map(({ line: at, column, severity }) => [at, column, severity])).toEqual([[line, 15, 'warning']]);
    expect(found[0]!.message.fr).toBe("« programe » n'est pas dans le dictionnaire : vouliez-vous dire « programme », « prograde » ? Si le mot est juste (un nom de lieu ou de personne), ajoutez-le à la liste de mots : npx pvd words add programe");
    expect(found[0]!.message.en).toBe('"programe" is not in the dictionary: did you mean "programme", "prograde"? If the word is right (the name of a place or a person), add it to the word list: npx pvd words add programe');
  });

  it('reads the subject, at the column of the word', () => {
    const [found] = only(lintIn(makeProject(), SOURCE_042.replace('subject: "Rencontres PACA', 'subject: "Rencontres PACA, baromètr')));
    expect(found).toMatchObject({ line: 4, column: 28 });
    expect(found!.message.fr).toMatch(/^« baromètr » n'est pas dans le dictionnaire : vouliez-vous dire « baromètre »/);
  });

  it('reads a name opening a sentence, and quotes the command when the word has an apostrophe', () => {
    const found = only(lintIn(makeProject(), signature("Directrice du programme PVD. Xylofrique l'a reçue. D'Xoulans aussi.")));
    expect(found.map((diagnostic) => diagnostic.message.fr.split(' : ')[0])).toEqual(["« Xylofrique » n'est pas dans le dictionnaire"]);
    expect(found[0]!.message.fr).toMatch(/npx pvd words add Xylofrique$/);
    const [apostrophe] = only(lintIn(makeProject(), signature("Directrice du programme PVD. S'xyzzer est rare.")));
    expect(apostrophe!.message.fr).toMatch(/npx pvd words add "S'xyzzer"$/);
  });

  it('splits words at no-break spaces and leaves addresses and merge tags alone', () => {
    expect(only(lintIn(makeProject(), signature('Directrice\u00a0du\u202fprogramme PVD, pvd@anct.gouv.fr, {{ contact.PRENOM }}, https://x.fr/progrmme')))).toEqual([]);
  });

  it('is an error where template.yaml says so', () => {
    const root = makeProject();
    const yaml = join(root, 'templates', 'pvd', 'template.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('rules: {}', 'rules: { spelling: error }'));
    expect(only(lintIn(root, signature('Directrice du programe PVD'))).map((diagnostic) => diagnostic.severity)).toEqual(['error']);
  });

  it('gives an issue nobody has seen a note or two on its proper names, never an error', () => {
    const found = only(lintIn(makeProject(), readFileSync(join(REPO, 'tests', 'fixtures', 'issue-unseen.md'), 'utf8'), { folder: '043' }));
    expect(found.map((diagnostic) => [diagnostic.line, diagnostic.severity, diagnostic.message.fr.split(' ')[1]])).toEqual([[33, 'warning', 'Loudéac']]);
  });
});

describe('npx pvd words add', () => {
  it('adds the words to templates/pvd/mots.txt, after which the rule accepts them', () => {
    const root = makeProject();
    editIssue(root, '042', (source) => source.replace('Directrice du programme PVD', 'Directrice du programme PVD. Xylofrique aussi.'));
    expect(runPvd(['lint', '42'], { cwd: root }).stdout).toContain('npx pvd words add Xylofrique');
    const run = runPvd(['words', 'add', 'Xylofrique', 'Manosque'], { cwd: root });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('✔ Ajouté à templates/pvd/mots.txt : Xylofrique\nDéjà dans templates/pvd/mots.txt : Manosque\n');
    const list = readFileSync(join(root, 'templates', 'pvd', 'mots.txt'), 'utf8');
    expect(list.startsWith(readFileSync(join(REPO, 'templates', 'pvd', 'mots.txt'), 'utf8'))).toBe(true);
    expect(list.endsWith('Colato\nXylofrique\n')).toBe(true);
    expect(runPvd(['lint', '42'], { cwd: root }).stdout).not.toContain('spelling');
  });

  it('creates the list when the template has none, and speaks English with --lang en', () => {
    const root = makeProject();
    const path = join(root, 'templates', 'pvd', 'mots.txt');
    writeFileSync(path, '');
    mkdirSync(join(root, 'templates', 'pvd'), { recursive: true });
    const run = runPvd(['--lang', 'en', 'words', 'add', 'Loudéac'], { cwd: root });
    expect(run.stdout).toBe('✔ Added to templates/pvd/mots.txt: Loudéac\n');
    expect(readFileSync(path, 'utf8')).toBe('Loudéac\n');
  });

  it('refuses what is not one word, with exit code 2, writing nothing', () => {
    const root = makeProject();
    const before = readFileSync(join(root, 'templates', 'pvd', 'mots.txt'), 'utf8');
    const run = runPvd(['words', 'add', 'Toul', 'Saint Gildas'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('pvd : « Saint Gildas » ne peut pas entrer dans la liste de mots : un mot par argument, sans espace (plusieurs mots : npx pvd words add Saint-Gildas Oraison).\n');
    expect(readFileSync(join(root, 'templates', 'pvd', 'mots.txt'), 'utf8')).toBe(before);
    expect(runPvd(['words', 'add'], { cwd: root })).toMatchObject({ code: 2, stderr: expect.stringContaining("il manque l'argument « mots »") });
  });

  it('names the template file it writes to (template.yaml’s words key)', () => {
    const root = makeProject();
    const yaml = join(root, 'templates', 'pvd', 'template.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('words: mots.txt', 'words: noms.txt'));
    expect(loadTemplate(root).config.words).toBe('noms.txt');
    expect(runPvd(['words', 'add', 'Toul'], { cwd: root }).stdout).toBe('✔ Ajouté à templates/pvd/noms.txt : Toul\n');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('words: noms.txt', 'words: ../mots.txt'));
    expect(runPvd(['words', 'add', 'Toul'], { cwd: root })).toMatchObject({ code: 2, stderr: expect.stringMatching(/template\.yaml:\d+:\d+ {2}words : un nom de fichier du dossier du gabarit, sans « \/ »/) });
  });
});
