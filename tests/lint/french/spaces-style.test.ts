import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/index.js';
import { parseIssue } from '../../../src/issue/parse.js';
import { applyFixes } from '../../../src/lint/fix.js';
import { proseTexts, styleFindingsIn } from '../../../src/lint/french/prose.js';
import { loadTemplate } from '../../../src/template/load.js';
import { compileStyle, styleFindings } from '../../../src/text/french/house-style.js';
import { doubledSpaces } from '../../../src/text/french/spaces.js';
import { REPO, runPvd } from '../../helpers.js';
import { lintIn, SOURCE_042 } from '../support.js';
import { projectCopies } from './support.js';

const makeProject = projectCopies();
const only = (rule: string, diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.rule === rule);
const SIGNATURE = 'Directrice du programme PVD';
const signatureLine = SOURCE_042.split('\n').indexOf(SIGNATURE) + 1;
const withSignature = (text: string) => SOURCE_042.replace(SIGNATURE, text);
/** The rule's findings on #42 with its signature replaced, and the signature line once they are fixed. */
function lintAndFix(rule: string, text: string, edit: (root: string) => void = () => {}) {
  const root = makeProject();
  edit(root);
  const source = withSignature(text);
  const found = only(rule, lintIn(root, source));
  const fixed = applyFixes(source, found).output;
  return { found, fixed: fixed.split('\n')[signatureLine - 1] };
}

describe('doubled spaces', () => {
  it('finds plain, no-break and mixed runs, and keeps the no-break space', () => {
    expect(doubledSpaces('a  b\u00a0\u00a0c \u00a0d\u202f e\tf')).toEqual([
      { start: 1, end: 3, keep: ' ', kind: 'plain' },
      { start: 4, end: 6, keep: '\u00a0', kind: 'no-break' },
      { start: 7, end: 9, keep: '\u00a0', kind: 'mixed' },
      { start: 10, end: 12, keep: '\u202f', kind: 'mixed' },
    ]);
  });

  it('leaves runs at a line break alone: indentation and hard breaks are not prose spaces', () => {
    expect(doubledSpaces('fin  \n  suite')).toEqual([]);
  });

  it('double-space reports each run at its column and --fix leaves one space', () => {
    const { found, fixed } = lintAndFix('double-space', 'Directrice  du\u00a0\u00a0programme \u00a0PVD');
    expect(found.map(({ line, column, severity, message }) => [line, column, severity, message.fr])).toEqual([
      [signatureLine, 11, 'warning', '2 espaces à la suite : une seule suffit (--fix n’en garde qu’une).'],
      [signatureLine, 15, 'warning', '2 espaces insécables à la suite : une seule suffit (--fix n’en garde qu’une).'],
      [signatureLine, 26, 'warning', '2 espaces à la suite, dont une insécable : une seule suffit (--fix garde l’insécable).'],
    ]);
    expect(fixed).toBe('Directrice du\u00a0programme\u00a0PVD');
  });

  it('double-space reads headings, link labels and the subject, not code, indentation or hard breaks', () => {
    const source = SOURCE_042
      .replace('### Mobiliscope', '### Mobi  liscope')
      .replace('[Lire le livret]', '[Lire  le livret]')
      .replace('subject: "Rencontres PACA,', 'subject: "Rencontres  PACA,')
      .replace(SIGNATURE, `${SIGNATURE}  \nsuite\n\n    code  indenté\n\nTexte \`a  b\` fin`);
    const found = only('double-space', lintIn(makeProject(), source));
    const lines = source.split('\n');
    expect(found.map(({ line }) => lines[line - 1])).toEqual(['subject: "Rencontres  PACA, baromètre AFL et agenda de janvier"', '### Mobi  liscope', '[Lire  le livret](https://www.banquedesterritoires.fr/)']);
    expect(applyFixes(source, found).output).toBe(source.replace('Rencontres  PACA', 'Rencontres PACA').replace('Mobi  liscope', 'Mobi liscope').replace('Lire  le', 'Lire le'));
  });

  it('double-space reports a run written with entities without fixing it', () => {
    const [found] = only('double-space', lintIn(makeProject(), withSignature('Directrice du&nbsp;&nbsp;programme PVD')));
    expect(found).toMatchObject({ line: signatureLine, column: 1, message: { fr: '2 espaces insécables à la suite : une seule suffit (--fix n’en garde qu’une).' } });
    expect(found!.fix).toBeUndefined();
  });

  it('--fix through the CLI rewrites the file once and leaves nothing to report', () => {
    const root = makeProject();
    const path = join(root, 'issues', '042', 'issue.md');
    writeFileSync(path, withSignature('Directrice  du   programme PVD'));
    expect(runPvd(['lint', '--fix', '42'], { cwd: root }).stdout).toBe('issues/042/issue.md : 2 corrections appliquées\n✔ 1 numéro vérifié, aucun problème\n');
    expect(readFileSync(path, 'utf8')).toBe(SOURCE_042.replace(SIGNATURE, 'Directrice du programme PVD'));
  });
});

describe('house style', () => {
  const matcher = compileStyle([
    { use: 'Petites villes de demain', variants: [] },
    { use: 'Action cœur de ville', variants: [] },
    { use: 'ANCT', variants: [] },
    { use: 'e-mail', variants: [] },
    { use: 'Aides-territoires', variants: ['Aide-territoires'] },
    { use: 'Île-de-France', variants: [] },
  ])!;
  const findings = (text: string) => styleFindings(text, matcher).map(({ start, end, found, use }) => [start, end, found, use]);

  it('matches case, accents, hyphens, spaces and oe loosely, at word boundaries', () => {
    const text = 'Les Petites Villes de Demain, petites-villes-de-demain, Action Coeur de Ville, l’Anct, un Email, les Aide Territoires, Ile de France.';
    const at = (found: string, use: string) => [text.indexOf(found), text.indexOf(found) + found.length, found, use];
    expect(findings(text)).toEqual([
      at('Petites Villes de Demain', 'Petites villes de demain'),
      at('petites-villes-de-demain', 'Petites villes de demain'),
      at('Action Coeur de Ville', 'Action cœur de ville'),
      at('Anct', 'ANCT'),
      at('Email', 'E-mail'),
      at('Aide Territoires', 'Aides-territoires'),
      at('Ile de France', 'Île-de-France'),
    ]);
  });

  it('accepts the form itself and its capitalised form, and leaves other words alone', () => {
    expect(findings('Petites villes de demain, E-mail, e-mail, un émail, des emails, ANCTS, Aides-territoires')).toEqual([]);
  });

  it('reads a name in lower case after « les », « des »… as the common words it is, and nowhere else', () => {
    expect(findings('Les petites villes de demain seront plus vertes ; aux petites villes de demain, des moyens.')).toEqual([]);
    const text = 'Le programme petites villes de demain, Les Petites Villes de Demain, les anct.';
    expect(findings(text).map(([, , found]) => found)).toEqual(['petites villes de demain', 'Petites Villes de Demain', 'anct']);
  });

  it('leaves quotations, addresses and merge tags alone', () => {
    expect(findings('« Petites Villes de Demain », “Action Coeur de Ville”, "anct", https://x.fr/petites-villes-de-demain, {{ anct }}, anct@x.fr')).toEqual([]);
  });

  it('house-style reports in French and English and --fix writes the preferred form', () => {
    const text = 'Directrice du programme Petites Villes de Demain, partenaire du CEREMA';
    const { found, fixed } = lintAndFix('house-style', text);
    expect(found.map(({ line, column, message }) => [line, column, message.fr])).toEqual([
      [signatureLine, text.indexOf('Petites') + 1, '« Petites Villes de Demain » : la charte de la lettre écrit « Petites villes de demain » (--fix corrige).'],
      [signatureLine, text.indexOf('CEREMA') + 1, '« CEREMA » : la charte de la lettre écrit « Cerema » (--fix corrige).'],
    ]);
    expect(found[0]!.message.en).toBe('"Petites Villes de Demain": the newsletter’s house style writes "Petites villes de demain" (--fix corrects it).');
    expect(fixed).toBe('Directrice du programme Petites villes de demain, partenaire du Cerema');
  });

  it('is the one to speak of a word it rewrites: spelling leaves « email » to it, unless house-style is off', () => {
    const text = 'Directrice du programme PVD, écrivez-nous par email';
    const column = text.indexOf('email') + 1;
    const at = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.line === signatureLine && diagnostic.column === column).map((diagnostic) => diagnostic.rule);
    expect(at(lintIn(makeProject(), withSignature(text)))).toEqual(['house-style']);
    const off = makeProject();
    const yaml = join(off, 'templates', 'pvd', 'template.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^rules: \{\}$/m, 'rules: { house-style: off }'));
    expect(at(lintIn(off, withSignature(text)))).toEqual(['spelling']);
  });

  it('finds the house style once per text of an issue, for the house-style and spelling rules alike', () => {
    const { issue } = parseIssue(SOURCE_042, '/tmp/issues/042/issue.md', 'issue.md', loadTemplate(REPO).config.sections);
    const text = proseTexts(issue!, { header: true }).find((candidate) => /petites villes de demain/i.test(candidate.value))!;
    const first = styleFindingsIn(text, matcher);
    expect(styleFindingsIn(text, matcher)).toBe(first);
    expect(first).toEqual(styleFindings(text.value, matcher));
    // Another list (a template.yaml edited under pvd preview) is read afresh.
    const other = compileStyle([{ use: 'ANCT', variants: [] }])!;
    expect(styleFindingsIn(text, other)).not.toBe(first);
  });

  it('reads the list from template.yaml, entries with variants included', () => {
    const { found, fixed } = lintAndFix('house-style', 'Directrice du programme PVD, un webinar', (root) => {
      const yaml = join(root, 'templates', 'pvd', 'template.yaml');
      writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^style:\n(?: {2}- .*\n)+/m, 'style:\n  - { use: webinaire, variants: [webinar] }\n'));
    });
    expect(found).toHaveLength(1);
    expect(fixed).toBe('Directrice du programme PVD, un webinaire');
  });

  it('refuses a style entry template.yaml gets wrong, at its line', () => {
    const root = makeProject();
    const yaml = join(root, 'templates', 'pvd', 'template.yaml');
    const text = readFileSync(yaml, 'utf8').replace('  - ANCT\n', '  - { variants: [Anct] }\n');
    writeFileSync(yaml, text);
    const run = runPvd(['lint', '42'], { cwd: root });
    expect(run.code).toBe(2);
    const line = text.split('\n').indexOf('  - { variants: [Anct] }') + 1;
    expect(run.stderr).toBe(`templates/pvd/template.yaml:${line}:5  style.${text.split('\n').slice(text.split('\n').indexOf('style:') + 1).findIndex((entry) => entry.includes('variants: [Anct]'))} : une forme à écrire, ou { use: forme, variants: [formes à remplacer] }.\n`);
  });
});
