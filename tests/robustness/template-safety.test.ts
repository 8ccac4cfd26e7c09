import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, positionIn, REPO, runPvd } from '../helpers.js';
import { STACK_TRACE } from './support.js';

/**
 * Issue 12 items 13 and 14: what template.yaml puts in every footer is checked by its
 * scheme, its logo stays inside the template and is a picture, and a mistake in a
 * template file (a missing partial, an unknown helper, a missing file) is reported with
 * its file and line, in French, exit 2, before any issue is rendered.
 */
const projects: string[] = [];
const project = (): string => {
  const root = makeProject();
  projects.push(root);
  return root;
};
afterAll(() => {
  for (const root of projects) rmSync(root, { recursive: true, force: true });
});

const templateYaml = (root: string) => join(root, 'templates', 'pvd', 'template.yaml');
const SOURCE = readFileSync(templateYaml(REPO), 'utf8');
const lineOf = (text: string) => SOURCE.split('\n').findIndex((line) => line.includes(text)) + 1;

function withTemplate(edit: (source: string) => string, setup?: (root: string) => void): { root: string; build: ReturnType<typeof runPvd>; lint: ReturnType<typeof runPvd> } {
  const root = project();
  setup?.(root);
  const edited = edit(SOURCE);
  expect(edited).not.toBe(SOURCE);
  writeFileSync(templateYaml(root), edited);
  return { root, build: runPvd(['build', '42'], { cwd: root }), lint: runPvd(['lint', '42'], { cwd: root }) };
}

function expectTemplateRefusal(run: ReturnType<typeof runPvd>, expected: string): void {
  expect(run.code).toBe(2);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stderr).not.toMatch(/erreur inattendue/);
  expect(run.stderr).toBe(expected);
}

describe('every URL of template.yaml, by its scheme', () => {
  const share = lineOf('share:');
  const column = SOURCE.split('\n')[share - 1]!.indexOf('"') + 1;
  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'http://agence-cohesion-territoires.gouv.fr/',
    'https://exemple.fr/" onmouseover="alert(1)',
    'https://',
    '//exemple.fr/partage',
  ])('urls.share: %j is refused at its line', (url) => {
    const { build, lint } = withTemplate((source) => source.replace(/share: ".*"$/m, `share: ${JSON.stringify(url)}`));
    const expected = `templates/pvd/template.yaml:${share}:${column}  urls.share : une adresse commençant par https:// ou mailto: est attendue (javascript:, data: et les autres sont refusées).\n`;
    expectTemplateRefusal(build, expected);
    expectTemplateRefusal(lint, expected);
  });

  it.each(['mailto:?subject=Lettre%20PVD', 'https://agence-cohesion-territoires.gouv.fr/partager'])('urls.share: %s is accepted', (url) => {
    const { build } = withTemplate((source) => source.replace(/share: ".*"$/m, `share: ${JSON.stringify(url)}`));
    expect(build.code, build.stderr).toBe(0);
  });

  it.each([
    ['urls.subscribe', 'subscribe:', 'mailto:inscription@anct.gouv.fr'],
    ['urls.unsubscribe', 'unsubscribe:', 'javascript:alert(1)'],
    ['urls.webVersion', 'webVersion:', 'http://agence-cohesion-territoires.gouv.fr/lettre-pvd/{number}/'],
    ['publicBaseUrl', 'publicBaseUrl:', 'data:text/html,x/'],
  ])('%s takes https:// only', (key, label, url) => {
    const line = lineOf(label);
    const column = SOURCE.split('\n')[line - 1]!.indexOf('"') + 1;
    const { build } = withTemplate((source) => source.replace(new RegExp(`${label} ".*"$`, 'm'), `${label} ${JSON.stringify(url)}`));
    // publicBaseUrl also takes http:// on this computer, to try a publication: its message says so.
    const expected = key === 'publicBaseUrl'
      ? 'une adresse complète commençant par https:// est attendue (http:// seulement sur cet ordinateur, pour essayer : http://127.0.0.1:port/, http://localhost:port/ ou http://[::1]:port/)'
      : 'une adresse complète commençant par https:// est attendue (sans espace ni guillemet)';
    expectTemplateRefusal(build, `templates/pvd/template.yaml:${line}:${column}  ${key} : ${expected}.\n`);
  });

  it('says it in English with --lang en', () => {
    const root = project();
    writeFileSync(templateYaml(root), SOURCE.replace(/share: ".*"$/m, 'share: "javascript:alert(1)"'));
    expect(runPvd(['lint', '--lang', 'en'], { cwd: root }).stderr).toBe(`templates/pvd/template.yaml:${share}:${column}  urls.share: an address starting with https:// or mailto: is expected (javascript:, data: and the others are refused).\n`);
  });
});

describe('the logo stays in the template and is a picture', () => {
  const line = lineOf('file: images/logo-pvd.png');
  const at = `templates/pvd/template.yaml:${line}:9`;
  it.each([
    ['../../../secret.png', () => {}, `${at}  logo.file : « ../../../secret.png » sort du dossier du gabarit : placez le logo dans templates/pvd/images/ et écrivez images/nom-du-logo.png.\n`],
    ['/etc/passwd', () => {}, `${at}  logo.file : « /etc/passwd » sort du dossier du gabarit : placez le logo dans templates/pvd/images/ et écrivez images/nom-du-logo.png.\n`],
    ['images/%2e%2e/%2e%2e/%2e%2e/secret.png', () => {}, `${at}  logo.file : « images/%2e%2e/%2e%2e/%2e%2e/secret.png » sort du dossier du gabarit : placez le logo dans templates/pvd/images/ et écrivez images/nom-du-logo.png.\n`],
    ['images/lien.png', (root: string) => {
      writeFileSync(join(root, 'secret.png'), readFileSync(join(root, 'templates', 'pvd', 'images', 'logo-pvd.png')));
      symlinkSync(join(root, 'secret.png'), join(root, 'templates', 'pvd', 'images', 'lien.png'));
    }, `${at}  logo.file : « images/lien.png » sort du dossier du gabarit : placez le logo dans templates/pvd/images/ et écrivez images/nom-du-logo.png.\n`],
    ['images/absent.png', () => {}, `${at}  logo.file : fichier introuvable : templates/pvd/images/absent.png. Corrigez le nom (majuscules comprises) ou ajoutez le fichier.\n`],
    ['images/logo.svg', (root: string) => writeFileSync(join(root, 'templates', 'pvd', 'images', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      `${at}  logo.file : templates/pvd/images/logo.svg n'est pas une image PNG, JPEG ou GIF nommée comme telle (d'après son contenu) : enregistrez le logo en PNG.\n`],
    ['images/logo.html', (root: string) => writeFileSync(join(root, 'templates', 'pvd', 'images', 'logo.html'), readFileSync(join(root, 'templates', 'pvd', 'images', 'logo-pvd.png'))),
      `${at}  logo.file : templates/pvd/images/logo.html n'est pas une image PNG, JPEG ou GIF nommée comme telle (d'après son contenu) : enregistrez le logo en PNG.\n`],
    ['images/logo-lie.png', (root: string) => {
      writeFileSync(join(root, 'secret.png'), readFileSync(join(root, 'templates', 'pvd', 'images', 'logo-pvd.png')));
      linkSync(join(root, 'secret.png'), join(root, 'templates', 'pvd', 'images', 'logo-lie.png'));
    }, `${at}  logo.file : templates/pvd/images/logo-lie.png a plusieurs noms (lien physique) : copiez le logo dans le gabarit au lieu de le lier.\n`],
  ])('logo.file: %s is refused at its line, nothing copied', (file, setup, expected) => {
    const { root, build, lint } = withTemplate((source) => source.replace('file: images/logo-pvd.png', `file: ${file}`), setup);
    expectTemplateRefusal(build, expected);
    expectTemplateRefusal(lint, expected);
    expect(() => readFileSync(join(root, 'out', '042', 'index.html'))).toThrow();
  });

  it('is checked on every run, even when template.yaml is unchanged and its validation cached', () => {
    const root = project();
    expect(runPvd(['lint', '42'], { cwd: root }).code).toBe(0);
    writeFileSync(join(root, 'templates', 'pvd', 'images', 'logo-pvd.png'), '<svg onload="alert(1)"/>');
    expectTemplateRefusal(runPvd(['build', '42'], { cwd: root }), `${at}  logo.file : templates/pvd/images/logo-pvd.png n'est pas une image PNG, JPEG ou GIF nommée comme telle (d'après son contenu) : enregistrez le logo en PNG.\n`);
  });
});

describe('a mistake in a template file: its file and line, exit 2', () => {
  // Lines as the shipped design files have them: a designer's edit moves them, not the checks.
  const partials = (root: string) => join(root, 'templates', 'pvd', 'partials');
  const edit = (root: string, file: string, from: string, to: string) => {
    const path = join(root, 'templates', 'pvd', file);
    const source = readFileSync(path, 'utf8');
    expect(source).toContain(from);
    writeFileSync(path, source.replace(from, to));
  };
  /** `file:line:column` of `text` in the shipped template's `file`: where the mistake is made. */
  const where = (file: string, text: string, offset = 0) => {
    const { line, column } = positionIn(readFileSync(join(REPO, 'templates', 'pvd', file), 'utf8'), text, offset);
    return `templates/pvd/${file}:${line}:${column}`;
  };
  /** The partials of the shipped template but `except`, as the message lists them. */
  const others = (except: string) => readdirSync(join(REPO, 'templates', 'pvd', 'partials')).map((name) => name.replace(/\.hbs$/, '')).filter((name) => name !== except).sort().join(', ');
  // pvd names the first place layout.hbs calls a partial by its kind.
  const dynamic = where('layout.hbs', '{{> (lookup');
  it.each([
    ['a partial that does not exist', (root: string) => edit(root, 'layout.hbs', '{{> footer}}', '{{> pied}}'),
      `${where('layout.hbs', '{{> footer}}')}  le partial « pied » n'existe pas : créez partials/pied.hbs, ou corrigez le nom (les partials sont ${others('')}).\n`],
    ['an unknown helper', (root: string) => edit(root, 'layout.hbs', '<title>{{subject}}</title>', '<title>{{majuscules subject}}</title>'),
      `${where('layout.hbs', '{{subject}}')}  « majuscules » n'est pas une fonction (helper) connue de Handlebars : les fonctions sont each, if, log, lookup, unless, with. Corrigez le nom, ou écrivez {{majuscules}} sans argument pour afficher une valeur.\n`],
    ['an unknown helper in a sub-expression of a partial', (root: string) => edit(root, 'partials/footer.hbs', '{{footer.share}}', '{{lien (encode footer.share)}}'),
      `${where('partials/footer.hbs', '{{footer.share}}')}  « lien » n'est pas une fonction (helper) connue de Handlebars : les fonctions sont each, if, log, lookup, unless, with. Corrigez le nom, ou écrivez {{lien}} sans argument pour afficher une valeur.\n`],
    ['the partial of a section kind', (root: string) => unlinkSync(join(partials(root), 'cards.hbs')),
      `${dynamic}  le gabarit n'a pas de partial « cards » (partials/cards.hbs), que pvd appelle ici pour les rubriques de type cards : créez ce fichier.\n`],
    ['the partial of a kind of block', (root: string) => unlinkSync(join(partials(root), 'block-list.hbs')),
      `${dynamic}  le gabarit n'a pas de partial « block-list » (partials/block-list.hbs), que pvd appelle ici pour le contenu des numéros : créez ce fichier.\n`],
    ['layout.hbs missing', (root: string) => unlinkSync(join(root, 'templates', 'pvd', 'layout.hbs')),
      'templates/pvd/layout.hbs:1:1  Fichier du gabarit introuvable : layout.hbs. Restaurez-le (git checkout -- templates/) ou recopiez-le depuis le gabarit livré avec pvd.\n'],
    ['the partials folder missing', (root: string) => rmSync(partials(root), { recursive: true }),
      'templates/pvd/partials:1:1  Fichier du gabarit introuvable : partials/. Restaurez-le (git checkout -- templates/) ou recopiez-le depuis le gabarit livré avec pvd.\n'],
    ['a folder where styles.css should be', (root: string) => {
      unlinkSync(join(root, 'templates', 'pvd', 'styles.css'));
      mkdirSync(join(root, 'templates', 'pvd', 'styles.css'));
    }, "templates/pvd/styles.css:1:1  Impossible de lire le fichier du gabarit styles.css (EISDIR) : vérifiez ses droits d'accès.\n"],
  ])('%s', (_what, change, expected) => {
    const root = project();
    change(root);
    expectTemplateRefusal(runPvd(['build', '42'], { cwd: root }), expected);
  });

  it('is reported the same by build --all on many issues, where worker threads compile the template', () => {
    const root = project();
    for (let number = 43; number <= 51; number++) {
      const folder = join(root, 'issues', String(number).padStart(3, '0'));
      mkdirSync(folder);
      writeFileSync(join(folder, 'issue.md'), readFileSync(join(root, 'issues', '042', 'issue.md'), 'utf8').replace(/^number: 42$/m, `number: ${number}`).replace(/!\[[^\]]*\]\(images\/[^)]*\)/g, ''));
    }
    edit(root, 'layout.hbs', '{{> footer}}', '{{> pied}}');
    const run = runPvd(['build', '--all'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith(`${where('layout.hbs', '{{> footer}}')}  le partial « pied » n'existe pas`)).toBe(true);
  });

  it('every partial pvd may call is checked: removing any one is a located message, never a crash', () => {
    // Called by name (from layout.hbs, or picture from the first partial that shows one), or by kind (sections and blocks).
    const byName: Record<string, string> = { header: where('layout.hbs', '{{> header}}'), footer: where('layout.hbs', '{{> footer}}'), picture: where('partials/block-image.hbs', '{{> picture}}') };
    for (const name of readdirSync(join(REPO, 'templates', 'pvd', 'partials')).map((file) => file.replace(/\.hbs$/, ''))) {
      const root = project();
      unlinkSync(join(partials(root), `${name}.hbs`));
      const run = runPvd(['build', '42'], { cwd: root });
      expect([name, run.code]).toEqual([name, 2]);
      const at = byName[name] ?? dynamic;
      expect(run.stderr.startsWith(`${at}  ${byName[name] ? 'le partial' : "le gabarit n'a pas de partial"} « ${name} »`), run.stderr).toBe(true);
    }
  });
});
