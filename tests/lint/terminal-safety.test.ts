import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editIssue, ISSUE_042, lineOf, makeProject, runPvd } from '../helpers.js';

/**
 * Issue 12 item 15: content quoted in a message never drives the terminal. A section title
 * and a link text holding escape sequences (set the window title, erase the line) and bidi
 * overrides reach stylish and github outputs without them: what is left is plain text.
 */
const TITLE_SEQUENCE = '\x1b]0;piège\x07';
const ERASE_LINE = '\x1b[2K';
const RIGHT_TO_LEFT = '\u202e';
const ISOLATE = '\u2066';
/** Every control character and bidi control a terminal obeys; tabs and newlines excepted. */
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hostileIssue(): string {
  const root = makeProject();
  // control-character would refuse the issue (tested with the rules): off here, the messages must still be clean.
  const templateYaml = join(root, 'templates', 'pvd', 'template.yaml');
  writeFileSync(templateYaml, readFileSync(templateYaml, 'utf8').replace('rules: {}', 'rules: { control-character: off }'));
  editIssue(root, '042', (source) => source
    .replace('## Voir aussi', `## Voir${TITLE_SEQUENCE} aussi${ERASE_LINE}${RIGHT_TO_LEFT}`)
    // Markdown escapes keep the sequences' brackets inside the link text.
    .replace('Directrice du programme PVD', `Voir [https://anct.gouv.fr/\x1b\\]0;titre\x07${RIGHT_TO_LEFT}\x1b\\[2K${ISOLATE}](https://anct.gouv.fr/)`));
  return root;
}

const SECTIONS = "les rubriques du gabarit sont « L'actu », « Le chiffre du mois », « L'image du mois », « Le Club », « Le Club départemental », « La projetothèque », « L'offre de services », « On parle de vous », « Voir aussi ».";
const LINK_LINE = lineOf(ISSUE_042, 'Directrice du programme PVD');
const SECTION_LINE = lineOf(ISSUE_042, '## Voir aussi');

describe('control characters in content never reach the terminal', () => {
  it('stylish (lint and build): the sequences are dropped, the rest of the text is kept', () => {
    const root = hostileIssue();
    const lint = runPvd(['lint'], { cwd: root });
    expect(lint.code).toBe(1);
    expect(lint.stdout).not.toMatch(OBEYED);
    expect(lint.stdout.split('\n')).toEqual([
      `issues/042/issue.md:${LINK_LINE}:6  avertissement  link-text  Le texte du lien est une adresse brute (https://anct.gouv.fr/]0;titre[2K) : écrivez plutôt ce que le lecteur y trouvera, [Nom du site](…).`,
      `issues/042/issue.md:${SECTION_LINE}:1  erreur  unknown-section  Rubrique inconnue « Voir]0;piège aussi[2K » : ${SECTIONS}`,
      '',
      '✖ 2 problèmes (1 erreur, 1 avertissement)',
      '',
    ]);
    const build = runPvd(['build', '42'], { cwd: root });
    expect(build.code).toBe(1);
    expect(build.stderr).not.toMatch(OBEYED);
    expect(build.stderr).toContain(`Rubrique inconnue « Voir]0;piège aussi[2K » : ${SECTIONS}`);
  });

  it('github annotations: the same, so that a CI log is not rewritten either', () => {
    const run = runPvd(['lint', '--format', 'github'], { cwd: hostileIssue() });
    expect(run.stdout).not.toMatch(OBEYED);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `::warning file=issues/042/issue.md,line=${LINK_LINE},col=6,title=link-text::Le texte du lien est une adresse brute (https://anct.gouv.fr/]0;titre[2K) : écrivez plutôt ce que le lecteur y trouvera, [Nom du site](…).`,
      `::error file=issues/042/issue.md,line=${SECTION_LINE},col=1,title=unknown-section::Rubrique inconnue « Voir]0;piège aussi[2K » : ${SECTIONS}`,
    ]);
  });

  it('json: the messages hold none either, once parsed (a script may print them)', () => {
    const run = runPvd(['lint', '--format', 'json'], { cwd: hostileIssue() });
    const [report] = JSON.parse(run.stdout) as { messages: { message: string }[] }[];
    expect(report!.messages.map((message) => message.message.slice(0, 45))).toEqual([
      'Le texte du lien est une adresse brute (https',
      'Rubrique inconnue « Voir]0;piège aussi[2K » :',
    ]);
    for (const message of report!.messages) expect(message.message).not.toMatch(OBEYED);
  });
});
