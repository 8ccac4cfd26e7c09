import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parsePage } from '../src/inbox/page.js';
import { NO_BROWSER } from '../src/check/browser.js';
import { writeContactSheet } from '../src/check/contact-sheet.js';
import { toDiagnostics, type Render } from '../src/check/findings.js';
import { PAGE_SCRIPT } from '../src/check/page-script.js';
import { markElements, PROFILES, withoutAtMedia } from '../src/check/profiles.js';
import { CHROMIUM, ISSUE_042, PVD, chromiumSkipReason, editIssue, hasChromium, launchChromium, lineOf, makeProject, runPvd } from './helpers.js';

const profile = (id: string) => PROFILES.find((candidate) => candidate.id === id)!;
const temporary: string[] = [];
afterAll(() => {
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
});
const project = () => {
  const root = makeProject();
  temporary.push(root);
  return root;
};
/** A temporary folder of the check's own (TMPDIR, TEMP, TMP): what playwright-core leaves there shows. */
const ownTemporary = () => {
  const folder = join(makeProject({ issues: false }), 'tmp');
  mkdirSync(folder);
  temporary.push(folder);
  return { folder, env: { TMPDIR: folder, TEMP: folder, TMP: folder } };
};

describe('the inbox profiles, as HTML transforms', () => {
  const email = '<html><head><style>@media (max-width: 599px) { .a { color: red } } @media (prefers-color-scheme: dark) { .a { color: blue } } :root { color-scheme: light dark; }</style></head>'
    + '<body class="body"><!--[if mso]><table width="600"><tr><td><![endif]--><div class="a" style="max-width: 600px; margin: 0 auto; padding: 4px; border-top: 1px solid #ddd; width: 100%;">'
    + '<table class="t" style="max-width: 600px; padding: 2px;"><tr><td style="padding: 8px; border-top: 1px solid #ddd;"><p style="font-size: 56px; line-height: 60px; border-bottom: 2px solid red;">84 %</p>'
    + '<p style="line-height: 24px; mso-line-height-rule: exactly; box-shadow: 0 0 2px #000;">Texte</p></td></tr></table></div><!--[if mso]></td></tr></table><![endif]--></body></html>';

  it('without <style>: no style element and no class left, inline styles kept', () => {
    const html = profile('no-style').transform(email);
    expect(html).not.toMatch(/<style|class=/);
    expect(html).toContain('<div style="max-width: 600px; margin: 0 auto;');
  });

  it('Outlook for Windows: ghost tables in force, no @media, Word’s limits on padding, borders, widths and line heights', () => {
    const html = profile('outlook-windows').transform(email);
    // The div keeps none of its box: no max-width, margin: auto, padding, border or width for Word.
    expect(html).toContain('<body class="body"><table width="600"><tr><td><div class="a" style="">');
    expect(html).toContain('<table class="t" style="max-width: 600px;"><tr><td style="padding: 8px; border-top: 1px solid #ddd;">');
    expect(html).toContain('<p style="font-size: 56px; line-height: max(60px, 1.15em);">84 %</p>');
    // An exact line height stays; box-shadow, unknown to Outlook, goes.
    expect(html).toContain('<p style="line-height: 24px; mso-line-height-rule: exactly;">Texte</p>');
    expect(html).toContain('<style>  :root { color-scheme: light dark; }</style>');
  });

  it('Apple Mail iOS: max-width ignored on tables only', () => {
    const html = profile('apple-mail-ios').transform(email);
    expect(html).toContain('<div class="a" style="max-width: 600px;');
    expect(html).toContain('<table class="t" style="padding: 2px;">');
  });

  it('inverted colours: the dark-mode @media dropped, the others kept', () => {
    const html = profile('inverted').transform(email);
    expect(html).toContain('@media (max-width: 599px) { .a { color: red } }');
    expect(html).not.toContain('prefers-color-scheme');
    expect(withoutAtMedia('a{} @media x { b { c: d } } e{}', (condition) => condition === 'x')).toBe('a{}  e{}');
  });

  it('marks each element with its index in the built HTML, to locate what the browser finds', () => {
    const html = '<!doctype html><html><body><p>Un <a href="x">lien</a></p><!-- <p>commentaire</p> --></body></html>';
    expect(markElements(html)).toBe('<!doctype html><html data-pvd="0"><body data-pvd="1"><p data-pvd="2">Un <a data-pvd="3" href="x">lien</a></p><!-- <p>commentaire</p> --></body></html>');
  });
});

describe('findings as diagnostics', () => {
  const html = '<html>\n<body>\n<p class="legal">Le 6 janvier 1978</p>\n</body>\n</html>\n';
  const finding = { rule: 'low-contrast', ref: 2, tag: 'a', text: '6 janvier 1978', color: '#0000ee', background: '#000091', ratio: 1.59 } as const;
  const render = (width: number, id = 'apple-mail-ios'): Render => ({ profile: profile(id), width, screenshot: `${id}-${width}.png`, findings: [finding] });

  it('one per problem, profile and element, located at the element, with every width it shows at', () => {
    expect(parsePage(html, '').elements[2]!.name).toBe('p');
    const diagnostics = toDiagnostics([render(600), render(320), render(1024, 'no-style')], html, 'out/042/index.html');
    expect(diagnostics.map(({ file, line, column, severity, rule }) => ({ file, line, column, severity, rule }))).toEqual([
      { file: 'out/042/index.html', line: 3, column: 1, severity: 'error', rule: 'inbox-low-contrast' },
      { file: 'out/042/index.html', line: 3, column: 1, severity: 'error', rule: 'inbox-low-contrast' },
    ]);
    expect(diagnostics.map((diagnostic) => diagnostic.message.fr)).toEqual([
      'Apple Mail iOS, 320 et 600 px : <a> « 6 janvier 1978 » est écrit en #0000ee sur #000091, un contraste de 1,59:1, moins que les 4,5:1 qu\'il faut pour être lu (WCAG). Donnez à ce texte une couleur qui tranche sur ce fond dans templates/pvd/styles.css (ou colors dans template.yaml).',
      'Sans <style> ni class, 1024 px : <a> « 6 janvier 1978 » est écrit en #0000ee sur #000091, un contraste de 1,59:1, moins que les 4,5:1 qu\'il faut pour être lu (WCAG). Donnez à ce texte une couleur qui tranche sur ce fond dans templates/pvd/styles.css (ou colors dans template.yaml).',
    ]);
    expect(diagnostics[0]!.message.en).toBe('Apple Mail iOS, 320 and 600 px: <a> « 6 janvier 1978 » is written in #0000ee on #000091, a contrast of 1.59:1, less than the 4.5:1 needed to be read (WCAG). Give this text a colour that stands out from this background in templates/pvd/styles.css (or colors in template.yaml).');
  });
});

describe('the contact sheet is written whole, as pvd\'s own', () => {
  it('replaces the previous sheet at once, in the manifest of out/NNN, and a rebuild that changes nothing keeps it', () => {
    const root = project();
    expect(runPvd(['build', '42'], { cwd: root }).code).toBe(0);
    const outDir = join(root, 'out');
    writeContactSheet(outDir, '042', [{ name: 'index.html', content: 'avant' }, { name: 'vieux.png', content: 'x' }]);
    expect(writeContactSheet(outDir, '042', [{ name: 'index.html', content: 'après' }])).toBe(join(outDir, '042', 'inbox', 'index.html'));
    expect(readdirSync(join(outDir, '042', 'inbox'))).toEqual(['index.html']);
    expect(readFileSync(join(outDir, '042', 'inbox', 'index.html'), 'utf8')).toBe('après');
    expect(readFileSync(join(outDir, '042', '.pvd-manifest.json'), 'utf8')).toContain('inbox/index.html');
    expect(runPvd(['build', '42'], { cwd: root }).code).toBe(0);
    expect(readFileSync(join(outDir, '042', 'inbox', 'index.html'), 'utf8')).toBe('après');
  });

  it('is refused before the issue is built', () => {
    const root = project();
    expect(() => writeContactSheet(join(root, 'out'), '042', [{ name: 'index.html', content: 'x' }])).toThrow(/lancez d'abord « npx pvd build 42 »|run "npx pvd build 42" first/);
  });
});

if (!hasChromium) console.warn(chromiumSkipReason());

describe.skipIf(!hasChromium)('what the browser measures (Chromium)', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => browser?.close());

  const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';
  async function measure(body: string, width: number, step?: string) {
    await page.setViewportSize({ width, height: 600 });
    await page.setContent(`<!doctype html><html><head><style>body { margin: 0; font: 16px/20px Arial, sans-serif; }</style></head><body>${body}</body></html>`, { waitUntil: 'load' });
    await page.evaluate(PAGE_SCRIPT);
    if (step) await page.evaluate(`window.__pvd.${step}()`);
    return page.evaluate(`window.__pvd.measure(${JSON.stringify({ phone: width < 480, minTextWidth: 220, maxTextWidth: 600, minContrast: 4.5 })})`);
  }

  it('what scrolls sideways, named by the element that sticks out', async () => {
    expect(await measure('<div data-pvd="4"><div style="width: 400px">Trop large</div></div>', 320)).toEqual([
      { rule: 'overflow', ref: 4, tag: 'div', text: 'Trop large', excess: 80, right: 400 },
    ]);
  });

  it('text folded in a column under 220 px, but not a one-line label', async () => {
    expect(await measure('<div data-pvd="1" style="width: 150px">un<br>deux<br>trois</div><div style="width: 150px">Bouton</div>', 375)).toEqual([
      { rule: 'narrow-text', ref: 1, tag: 'div', text: 'undeuxtrois', width: 150, lines: 3 },
    ]);
  });

  it('text in lines wider than the email, as one problem', async () => {
    expect(await measure('<div data-pvd="1" style="width: 700px">un<br>deux</div><p data-pvd="2" style="width: 800px">trois<br>quatre</p>', 1024)).toEqual([
      { rule: 'wide-text', ref: 1, tag: 'div', text: 'undeux', width: 800, blocks: 2 },
    ]);
  });

  it('a heading beside a picture on a phone, not on a desktop', async () => {
    const body = `<table><tr><td><img src="${PIXEL}" alt="Une photo" width="150" height="100"></td><td><h3 data-pvd="7">Le titre</h3></td></tr></table>`;
    expect(await measure(body, 375)).toEqual([{ rule: 'side-picture', ref: 7, tag: 'h3', text: 'Le titre', picture: 'Une photo', pictureRef: -1 }]);
    expect(await measure(body, 600)).toEqual([]);
  });

  it('words of no size, clipped or off the screen; not what the template hides on purpose', async () => {
    const found = await measure('<div style="display:none;mso-hide:all">Aperçu</div><p data-pvd="1" style="font-size: 0">Sans taille</p>'
      + '<div style="overflow: hidden; height: 0"><p data-pvd="2">Coupé</p></div><p data-pvd="3" style="margin-left: -500px">Dehors</p><p>Visible</p>'
      // display:none alone: a rule of styles.css inlined by juice onto the issue's text.
      + '<p data-pvd="4" style="margin: 0; display: none">Masqué par la feuille</p><i hidden>&#8195;</i>', 375);
    expect(found).toEqual([
      { rule: 'hidden-text', ref: 1, tag: 'p', text: 'Sans taille', words: 2, sample: 'Sans taille' },
      { rule: 'hidden-text', ref: 2, tag: 'p', text: 'Coupé', words: 1, sample: 'Coupé' },
      { rule: 'hidden-text', ref: 3, tag: 'p', text: 'Dehors', words: 1, sample: 'Dehors' },
      { rule: 'hidden-text', ref: 4, tag: 'p', text: 'Masqué par la feuille', words: 4, sample: 'Masqué par la feuille' },
    ]);
  });

  it('text under 4.5:1 against what is painted behind it', async () => {
    expect(await measure('<div style="background: #ffffff"><p data-pvd="1" style="color: #777777">Gris pâle</p><p style="color: #595959">Gris</p></div>', 375)).toEqual([
      { rule: 'low-contrast', ref: 1, tag: 'p', text: 'Gris pâle', color: '#777777', background: '#ffffff', ratio: 4.48 },
    ]);
  });

  it('iOS: a date becomes a link in the system’s blue, unless the template resets it', async () => {
    const footer = '<p data-pvd="1" style="color: #ffffff; background: #000091">Loi du 6 janvier 1978, TSA 10717 - 75334 Paris Cedex 07</p>';
    expect(await measure(footer, 375, 'detectData')).toEqual([
      { rule: 'low-contrast', ref: 1, tag: 'a', text: '6 janvier 1978', color: '#0000ee', background: '#000091', ratio: 1.59 },
      { rule: 'low-contrast', ref: 1, tag: 'a', text: 'TSA 10717 - 75334 Paris Cedex 07', color: '#0000ee', background: '#000091', ratio: 1.59 },
    ]);
    expect(await page.$$eval('a[x-apple-data-detectors]', (links) => links.map((link) => link.textContent))).toEqual(['6 janvier 1978', 'TSA 10717 - 75334 Paris Cedex 07']);
    expect(await measure(`<style>a[x-apple-data-detectors] { color: inherit !important; }</style>${footer}`, 375, 'detectData')).toEqual([]);
  });

  it('a forced inversion turns lightness upside down, hue kept', async () => {
    expect(await measure('<p style="color: #161616; background: #ffffff">Texte</p><p style="color: #ffffff; background: #000091">Pied</p>', 375, 'invertColours')).toEqual([]);
    expect(await page.$$eval('p', (paragraphs) => paragraphs.map((paragraph) => [getComputedStyle(paragraph).color, getComputedStyle(paragraph).backgroundColor]))).toEqual([
      ['rgb(233, 233, 233)', 'rgb(0, 0, 0)'],
      ['rgb(0, 0, 0)', 'rgb(110, 110, 255)'],
    ]);
  });
});

describe.skipIf(!hasChromium)('npx pvd check', () => {
  const withBrowser = { PVD_BROWSER: CHROMIUM };

  it('renders #42 in every profile and width, finds nothing, and writes the contact sheet beside the build', () => {
    const root = project();
    const tmp = ownTemporary();
    const result = runPvd(['check', '42'], { cwd: root, env: { ...withBrowser, ...tmp.env }, timeout: 180_000 });
    expect(result.stderr).toBe('');
    expect(readdirSync(tmp.folder)).toEqual([]);
    expect(result.stdout).toBe('✔ out/042/inbox/index.html : 22 rendus, aucune erreur\n');
    expect(result.code).toBe(0);
    const folder = join(root, 'out', '042');
    const sheet = join(folder, 'inbox');
    const expected = PROFILES.flatMap((candidate) => candidate.widths.map((width) => `${candidate.id}-${width}.png`));
    expect(readdirSync(sheet).sort()).toEqual([...expected, 'index.html'].sort());
    for (const name of expected) {
      const png = readFileSync(join(sheet, name));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // A full page as wide as its screen: nothing scrolled sideways.
      expect(png.readUInt32BE(16)).toBe(Number(/-(\d+)\.png$/.exec(name)![1]));
    }
    const index = readFileSync(join(sheet, 'index.html'), 'utf8');
    for (const name of expected) expect(index).toContain(`<a href="${name}"><img src="${name}"`);
    expect(index.match(/pas à cette largeur/g)).toHaveLength(2);
    expect(index).toContain('Aucun problème dans aucun profil.');
    // Nothing hidden left beside the build but pvd's own record of what it wrote, the sheet in it.
    expect(readdirSync(folder).filter((entry) => entry.startsWith('.'))).toEqual(['.pvd-manifest.json']);
    expect(readFileSync(join(folder, '.pvd-manifest.json'), 'utf8')).toContain('inbox/index.html');
    // Built the same way as pvd build.
    expect(readFileSync(join(folder, 'index.html'), 'utf8')).toBe(runPvd(['build', '42', '--stdout', 'html'], { cwd: root }).stdout);
  }, 200_000);

  it('reports what breaks in one inbox, located in the built HTML, and exits 1', () => {
    const root = project();
    const styles = join(root, 'templates', 'pvd', 'styles.css');
    // Without its reset, iOS paints the dates of the navy footer in its own blue.
    writeFileSync(styles, readFileSync(styles, 'utf8').replace(/^a\[x-apple-data-detectors\].*\n/m, ''));
    const result = runPvd(['check', '42'], { cwd: root, env: withBrowser, timeout: 180_000 });
    const html = readFileSync(join(root, 'out', '042', 'index.html'), 'utf8');
    const line = html.split('\n').findIndex((candidate) => candidate.includes('Informatique et libertés')) + 1;
    expect(result.stderr).toBe([
      `out/042/index.html:${line}:1  erreur  inbox-low-contrast  Apple Mail iOS, 320, 375, 600 et 1024 px : <a> « 6 janvier 1978 » est écrit en #0000ee sur #000091, un contraste de 1,59:1, moins que les 4,5:1 qu'il faut pour être lu (WCAG). Donnez à ce texte une couleur qui tranche sur ce fond dans templates/pvd/styles.css (ou colors dans template.yaml).`,
      '',
      '✖ 1 problème (1 erreur, 0 avertissement)',
      '',
    ].join('\n'));
    expect(result.stdout).toBe('✖ out/042/inbox/index.html : 22 rendus, 1 erreur(s) à corriger avant l\'envoi\n');
    expect(result.code).toBe(1);
    const index = readFileSync(join(root, 'out', '042', 'inbox', 'index.html'), 'utf8');
    expect(index.match(/✖ 1 problème</g)).toHaveLength(4);
    expect(index).toContain('<strong>inbox-low-contrast</strong> Apple Mail iOS, 320, 375, 600 et 1024 px');
  }, 200_000);

  it('takes its levels from template.yaml like every check: a warning there is a warning, exit 0', () => {
    const root = project();
    const styles = join(root, 'templates', 'pvd', 'styles.css');
    writeFileSync(styles, readFileSync(styles, 'utf8').replace(/^a\[x-apple-data-detectors\].*\n/m, ''));
    const templateYaml = join(root, 'templates', 'pvd', 'template.yaml');
    writeFileSync(templateYaml, readFileSync(templateYaml, 'utf8').replace('rules: {}', 'rules:\n  inbox-low-contrast: warning'));
    const result = runPvd(['check', '42'], { cwd: root, env: withBrowser, timeout: 180_000 });
    expect(result.stderr).toMatch(/ {2}avertissement {2}inbox-low-contrast {2}Apple Mail iOS/);
    expect(result.code).toBe(0);
  }, 200_000);

  it('knows its rule ids as template.yaml names them, and refuses an option they do not take', async () => {
    const { RULE_IDS } = await import('../src/check/findings.js');
    const { BROWSER_CHECK_IDS } = await import('../src/inbox/ids.js');
    expect(Object.values(RULE_IDS).sort()).toEqual([...BROWSER_CHECK_IDS].sort());
    const root = project();
    const templateYaml = join(root, 'templates', 'pvd', 'template.yaml');
    writeFileSync(templateYaml, readFileSync(templateYaml, 'utf8').replace('rules: {}', 'rules:\n  inbox-size: { level: warning, maxKilobytes: 5 }'));
    const line = readFileSync(templateYaml, 'utf8').split('\n').findIndex((text) => text.includes('inbox-size')) + 1;
    const result = runPvd(['lint'], { cwd: root });
    expect(result.stderr).toBe(`templates/pvd/template.yaml:${line}:3  rules.inbox-size : la vérification inbox-size n'a pas d'option (« maxKilobytes ») ; elle ne prend qu'un niveau : off, warning ou error.\n`);
    expect(result.code).toBe(2);
  });

  it('without a browser, says so in French, exits 2 and builds nothing', () => {
    const channels = ['/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge'];
    if (channels.some((path) => existsSync(path))) return void console.warn(`Chrome ou Edge installé (${channels.join(', ')}) : le cas « aucun navigateur » n'est pas vérifiable ici.`);
    const root = project();
    const tmp = ownTemporary();
    const result = runPvd(['check', '42'], { cwd: root, env: { PVD_BROWSER: '', ...tmp.env } });
    expect(result.stderr).toBe(`pvd : ${NO_BROWSER.fr}\n`);
    expect(result.code).toBe(2);
    expect(existsSync(join(root, 'out'))).toBe(false);
    // Chrome then Edge tried: nothing of theirs left in the temporary folder.
    expect(readdirSync(tmp.folder)).toEqual([]);
  });

  it('refuses a PVD_BROWSER that does not exist, in French or English, and builds nothing', () => {
    const root = project();
    const french = runPvd(['check', '42'], { cwd: root, env: { PVD_BROWSER: '/nulle/part/chrome' } });
    expect(french.stderr).toBe("pvd : PVD_BROWSER désigne /nulle/part/chrome, qui n'existe pas : indiquez le chemin d'un Chrome, d'un Edge ou d'un Chromium installé, ou retirez PVD_BROWSER pour que pvd cherche Chrome puis Edge.\n");
    expect(french.code).toBe(2);
    const english = runPvd(['check', '42', '--lang', 'en'], { cwd: root, env: { PVD_BROWSER: '/nulle/part/chrome' } });
    expect(english.stderr).toBe('pvd: PVD_BROWSER names /nulle/part/chrome, which does not exist: give the path of an installed Chrome, Edge or Chromium, or unset PVD_BROWSER for pvd to look for Chrome, then Edge.\n');
    expect(english.code).toBe(2);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  it('refuses a browser that does not start', () => {
    const root = project();
    const tmp = ownTemporary();
    const result = runPvd(['check', '42'], { cwd: root, env: { PVD_BROWSER: join(root, 'templates', 'pvd', 'template.yaml'), ...tmp.env } });
    expect(result.stderr).toMatch(/^pvd : Le navigateur .*template\.yaml \(PVD_BROWSER\) n'a pas démarré \(.+\) : vérifiez que c'est bien un Chrome, un Edge ou un Chromium\.\n$/);
    expect(result.code).toBe(2);
    expect(readdirSync(tmp.folder)).toEqual([]);
  });

  it('does not check an issue with lint errors: exit 1, no contact sheet', () => {
    const root = project();
    editIssue(root, '042', (source) => source.replace('## Le chiffre du mois', '## Le chifre du mois'));
    const result = runPvd(['check', '42'], { cwd: root, env: withBrowser });
    expect(result.stderr.startsWith(`issues/042/issue.md:${lineOf(ISSUE_042, '## Le chiffre du mois')}:1  erreur  unknown-section  Rubrique inconnue « Le chifre du mois »`)).toBe(true);
    expect(result.stderr).toMatch(/\nNuméro non produit : corrigez les erreurs ci-dessus \(« npx pvd lint » les liste aussi\)\.\n$/);
    expect(result.code).toBe(1);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  it('refuses an issue that does not exist (exit 2)', () => {
    const result = runPvd(['check', '43'], { cwd: project(), env: withBrowser });
    expect(result.stderr).toBe("pvd : Le numéro 43 n'existe pas (issues/043/issue.md est introuvable) : numéros présents : 42. Créez-le avec « npx pvd new ».\n");
    expect(result.code).toBe(2);
  });

  it('describes itself in French, with an example', () => {
    const result = runPvd(['check', '--help']);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('rend la lettre comme les messageries (Gmail, Outlook, iOS, sombre) et signale ce qui casse');
    expect(result.stdout).toContain('Exemples :\n  npx pvd check 42  planche de captures dans out/042/inbox/index.html');
    expect(result.code).toBe(0);
  });
});

describe('playwright-core is loaded by pvd check alone', () => {
  it('is not loaded by pvd build', () => {
    const root = project();
    const log = join(root, 'loaded.log');
    mkdirSync(join(root, 'hooks'));
    // Every require() of the run, the bundle's own included (playwright-core is required, never bundled).
    writeFileSync(join(root, 'hooks', 'requires.cjs'), `const Module = require('node:module'); const { appendFileSync } = require('node:fs');\nconst load = Module._load;\nModule._load = function (request, ...rest) { appendFileSync(${JSON.stringify(log)}, request + '\\n'); return load.call(this, request, ...rest); };\n`);
    writeFileSync(log, '');
    const result = spawnSync(process.execPath, ['--require', join(root, 'hooks', 'requires.cjs'), PVD, 'build', '42'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status, result.stderr).toBe(0);
    const required = readFileSync(log, 'utf8').split('\n');
    // The hook sees the bundle start, and would see playwright-core.
    expect(required).toContain('../dist/launch.cjs');
    expect(required.filter((request) => request.includes('playwright'))).toEqual([]);
  });
});
