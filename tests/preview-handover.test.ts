import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAILING_TOOLS } from '../src/handover/tools.js';
import { interpolate } from '../src/i18n/lang.js';
import { TARGETS } from '../src/template/schema.js';
import { chromiumSkipReason, editIssue, hasChromium, launchChromium, makeProject, runPvd } from './helpers.js';
import { closePages, openPreviewPage, stopPreviews } from './preview-helpers.js';

if (!hasChromium) console.warn(chromiumSkipReason());

const SENTENCE = "Chaque mois, retrouvez dans cette lettre, l'actualité du programme Petites villes de demain.";
const UNSUBSCRIBE: Record<string, string> = {
  generic: 'https://agence-cohesion-territoires.gouv.fr/lettre-pvd/desinscription',
  brevo: '{{ unsubscribe }}',
  mailchimp: '*|UNSUB|*',
  mailjet: '[[UNSUB_LINK_FR]]',
  listmonk: '{{ UnsubscribeURL }}',
  sendy: '[unsubscribe]',
};

const servers: Server[] = [];

afterEach(async () => {
  await closePages();
  await stopPreviews();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** The front matter of a project's issue 42, as YAML reads it. */
function frontMatterOf(root: string): { subject: string; preheader: string } {
  const source = readFileSync(join(root, 'issues', '042', 'issue.md'), 'utf8');
  return parse(/^---\n([\s\S]*?)\n---/.exec(source)![1]!) as { subject: string; preheader: string };
}

/** Clicks a copy button and gives back what the page then reads from the clipboard, with what it said. */
async function copy(page: Page, kind: 'subject' | 'preheader' | 'html' | 'text'): Promise<{ clipboard: string; said: string }> {
  await page.evaluate(() => {
    document.getElementById('copy-status')!.textContent = '';
  });
  await page.click(`button[data-copy="${kind}"]`);
  const said = await page.waitForFunction(() => document.getElementById('copy-status')!.textContent).then((handle) => handle.jsonValue()) as string;
  return { clipboard: await page.evaluate(() => navigator.clipboard.readText()), said };
}

/** Picks a mailing tool in the panel and waits until the page shows that tool's render. */
async function choose(page: Page, target: string): Promise<void> {
  await page.selectOption('#target', target);
  await expect.poll(() => page.frameLocator('#frame-desktop').getByRole('link', { name: 'Se désinscrire' }).getAttribute('href'), { timeout: 10_000 }).toBe(UNSUBSCRIBE[target]);
}

/** What `npx pvd build 42 --target T --stdout html|text` prints, in the same project. */
function built(root: string, target: string, output: 'html' | 'text'): string {
  const run = runPvd(['build', '42', '--target', target, '--stdout', output], { cwd: root });
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

describe.skipIf(!hasChromium)('« Préparer l’envoi » in a real Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('copies the subject, the preview text, and the HTML and text exactly as `build --stdout` prints them, for the tool chosen', async () => {
    const root = makeProject();
    const { page } = await openPreviewPage(browser, root, { clipboard: true });
    const { subject, preheader } = frontMatterOf(root);
    expect(await copy(page, 'subject')).toEqual({ clipboard: subject, said: 'L’objet : copié dans le presse-papiers.' });
    expect(await copy(page, 'preheader')).toEqual({ clipboard: preheader, said: 'Le texte d’aperçu : copié dans le presse-papiers.' });

    for (const target of ['generic', 'brevo', 'listmonk']) {
      if (target !== 'generic') await choose(page, target);
      const html = await copy(page, 'html');
      const name = MAILING_TOOLS[target as 'brevo'].name.fr;
      expect(html.said).toBe(`Le HTML pour ${name} : copié dans le presse-papiers.`);
      expect(html.clipboard).toBe(built(root, target, 'html'));
      // The addresses readers' mail clients will ask for, not the preview's own.
      expect(html.clipboard).toContain('src="https://agence-cohesion-territoires.gouv.fr/lettre-pvd/042/images/toul.jpg"');
      expect(html.clipboard).not.toContain('/assets/');
      expect(html.clipboard).not.toContain('<base target="_blank">');
      const text = await copy(page, 'text');
      expect(text.said).toBe(`Le texte brut pour ${name} : copié dans le presse-papiers.`);
      expect(text.clipboard).toBe(built(root, target, 'text'));
    }
  });

  it('offers the six tools by id, starts on target: of template.yaml, shows each tool’s email and steps, and keeps the choice on reload', async () => {
    const root = makeProject();
    const templateFile = join(root, 'templates', 'pvd', 'template.yaml');
    writeFileSync(templateFile, readFileSync(templateFile, 'utf8').replace('\ntarget: generic\n', '\ntarget: mailjet\n'));
    const { page } = await openPreviewPage(browser, root);
    expect(await page.locator('#target option').evaluateAll((options: HTMLOptionElement[]) => options.map((option) => option.value))).toEqual([...TARGETS]);
    expect(await page.locator('#target option').allTextContents()).toEqual([
      'La version générique, liens en clair, sans balises de fusion', 'Brevo', 'Mailchimp', 'Mailjet (target: de template.yaml)', 'Listmonk', 'Sendy',
    ]);
    expect(await page.locator('#target').inputValue()).toBe('mailjet');
    for (const target of TARGETS) {
      await choose(page, target);
      const tool = MAILING_TOOLS[target];
      expect(await page.locator('#html-field').textContent()).toBe(tool.htmlField.fr);
      expect(await page.locator('#text-field').textContent()).toBe(interpolate(tool.textField, { file: { fr: 'le texte brut copié', en: '' } }).fr);
      expect(await page.locator('#tool-note').isVisible()).toBe(tool.note !== undefined);
      if (tool.note) expect(await page.locator('#tool-note').textContent()).toBe(tool.note.fr);
      expect(await page.locator('#images-url').textContent()).toBe('https://agence-cohesion-territoires.gouv.fr/lettre-pvd/042/images/');
      expect(new URL(page.url()).search).toBe(`?target=${target}`);
    }
    await page.reload();
    await expect.poll(() => page.frameLocator('#frame-desktop').getByRole('link', { name: 'Se désinscrire' }).getAttribute('href'), { timeout: 10_000 }).toBe(UNSUBSCRIBE.sendy);
    expect(await page.locator('#target').inputValue()).toBe('sendy');
  });

  it('names the publish command as it works: with --to while template.yaml has no publish.to', async () => {
    const root = makeProject();
    const { page } = await openPreviewPage(browser, root);
    expect(await page.locator('#publish-command').textContent()).toBe('npx pvd publish 42 --to <dossier ou sftp://utilisateur@serveur/chemin>');
    const templateFile = join(root, 'templates', 'pvd', 'template.yaml');
    writeFileSync(templateFile, `${readFileSync(templateFile, 'utf8')}\npublish:\n  to: public\n`);
    await expect.poll(() => page.locator('#publish-command').textContent(), { timeout: 15_000 }).toBe('npx pvd publish 42');
  });

  it('says so when the issue is still a draft', async () => {
    const root = makeProject();
    editIssue(root, '042', (source) => source.replace('status: ready', 'status: draft'));
    const { page } = await openPreviewPage(browser, root);
    expect(await page.locator('#draft').textContent()).toBe('C’est encore un brouillon (status: draft) : passez « status: ready » dans son issue.md quand il est prêt ; « npx pvd publish » ne publie que les numéros prêts.');
  });

  it('checks on demand whether the images are online, address by address, without holding up the page', async () => {
    const root = makeProject();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const asked: string[] = [];
    const site = createServer((request: IncomingMessage, response: ServerResponse) => {
      asked.push(`${request.method} ${request.url}`);
      if (request.url === '/lettre/042/images/toul.jpg') return void response.writeHead(404).end();
      // One picture answers only when the test says so: meanwhile the page must go on.
      if (request.url === '/lettre/042/images/manosque.jpg') return void held.then(() => response.writeHead(200).end());
      response.writeHead(200).end();
    });
    servers.push(site);
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(site.address() as { port: number }).port}/lettre/`;
    const templateFile = join(root, 'templates', 'pvd', 'template.yaml');
    writeFileSync(templateFile, readFileSync(templateFile, 'utf8').replace('publicBaseUrl: "https://agence-cohesion-territoires.gouv.fr/lettre-pvd/"', `publicBaseUrl: "${base}"`));
    const { page } = await openPreviewPage(browser, root, { clipboard: true });
    expect(await page.locator('#images-url').textContent()).toBe(`${base}042/images/`);
    expect(asked).toEqual([]);

    await page.click('#check-online');
    expect(await page.locator('#online-summary').textContent()).toBe('Vérification en cours…');
    expect(await page.locator('#check-online').isDisabled()).toBe(true);
    await expect.poll(() => asked.includes('HEAD /lettre/042/images/manosque.jpg')).toBe(true);
    // While one answer is awaited, a save still shows and a copy still works.
    editIssue(root, '042', (source) => source.replace('retrouvez dans cette lettre', 'découvrez dans cette lettre'));
    await expect.poll(() => page.frameLocator('#frame-desktop').getByText("Chaque mois, découvrez dans cette lettre, l'actualité du programme Petites villes de demain.").count(), { timeout: 10_000 }).toBe(1);
    expect((await copy(page, 'subject')).clipboard).toBe(frontMatterOf(root).subject);
    expect(await page.locator('#online-summary').textContent()).toBe('Vérification en cours…');

    release();
    await expect.poll(() => page.locator('#check-online').isDisabled()).toBe(false);
    const images = ['logo-pvd.png', 'manosque.jpg', 'barometre-afl.jpg', 'toul.jpg', 'commentry.jpg', 'attigny.jpg', 'lassay.jpg', 'mobiliscope.jpg', 'livret-banque-des-territoires.jpg', 'tramayes.jpg'];
    const rows = await page.locator('#online-results li').evaluateAll((items: HTMLElement[]) => items.map((item) => [item.className, item.querySelector('code')!.textContent, item.querySelector('.says')!.textContent]));
    expect(rows).toEqual([
      ...images.map((image) => image === 'toul.jpg'
        ? ['offline', `${base}042/images/${image}`, 'réponse 404 : le fichier n’y est pas']
        : ['online', `${base}042/images/${image}`, 'en ligne (réponse 200)']),
      ['online', `${base}042/`, 'en ligne (réponse 200)'],
    ]);
    expect(await page.locator('#online-summary').textContent()).toBe('1 adresse(s) sur 11 ne répondent pas encore : publiez avec la commande ci-dessus, puis vérifiez à nouveau.');
    expect(asked.filter((request) => request.startsWith('GET '))).toEqual([]);
  });

  it('keeps the last email without errors, marked with its time, and copies nothing while there are errors', async () => {
    const root = makeProject();
    const before = Date.now();
    const { page } = await openPreviewPage(browser, root, { clipboard: true });
    await expect.poll(() => page.frameLocator('#frame-desktop').getByText(SENTENCE).count(), { timeout: 10_000 }).toBe(1);
    const after = Date.now();
    const original = readFileSync(join(root, 'issues', '042', 'issue.md'), 'utf8');
    editIssue(root, '042', (source) => source.replace('## Le chiffre du mois', '## Rubrique inconnue'));
    await expect.poll(() => page.locator('#stale').isVisible(), { timeout: 10_000 }).toBe(true);

    // Rendered between `before` and `after`: its time, as this browser writes it, is one of those minutes.
    const minutes = await page.evaluate(([from, to]) => [from!, to!].map((ms) => new Date(ms).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })), [before, after]);
    expect(minutes.map((time) => `Dernière version sans erreur, de ${time}`)).toContain(await page.locator('#stale-title').textContent());
    expect(await page.frameLocator('#frame-desktop').getByText(SENTENCE).count()).toBe(1);
    expect(await page.locator('.diagnostic.error .rule').allTextContents()).toEqual(['unknown-section', 'required-section']);
    expect(await page.locator('#copy-blocked').isVisible()).toBe(true);
    expect(await page.locator('button[data-copy="html"]').isDisabled()).toBe(true);
    expect(await page.locator('button[data-copy="text"]').isDisabled()).toBe(true);
    // The subject is the front matter's, which still reads.
    expect((await copy(page, 'subject')).clipboard).toBe(frontMatterOf(root).subject);
    await page.getByRole('tab', { name: 'Texte brut' }).click();
    expect(await page.locator('#plaintext').textContent()).toBe(built(makeProject(), 'generic', 'text'));
    expect(await page.locator('#stale').isVisible()).toBe(true);

    writeFileSync(join(root, 'issues', '042', 'issue.md'), original);
    await expect.poll(() => page.locator('#stale').isVisible(), { timeout: 10_000 }).toBe(false);
    expect(await page.locator('#copy-blocked').isVisible()).toBe(false);
    expect((await copy(page, 'html')).clipboard).toBe(built(root, 'generic', 'html'));
  });

  it('lists the inbox checks that build reports, where build reports them', async () => {
    const root = makeProject();
    const footer = join(root, 'templates', 'pvd', 'partials', 'footer.hbs');
    writeFileSync(footer, readFileSync(footer, 'utf8').replace('>Se désinscrire</a>', '>Ne plus recevoir</a>'));
    const build = runPvd(['build', '42'], { cwd: root });
    const reported = /^(out\/042\/index\.html):(\d+):(\d+) {2}avertissement {2}(inbox-unsubscribe) {2}(.*)$/m.exec(build.stderr);
    expect(reported, build.stderr).not.toBeNull();
    const [, file, line, column, rule, message] = reported!;
    const { page } = await openPreviewPage(browser, root);
    const shown = page.locator('.diagnostic.warning');
    await expect.poll(() => shown.count()).toBe(1);
    expect(await shown.locator('.where').textContent()).toBe(`${file}, ligne ${line}, colonne ${column}${rule}`);
    expect(await shown.locator('.message').textContent()).toBe(message);
    expect(await page.locator('#problems-summary').textContent()).toBe('1 avertissement');
    // A warning does not stop build: the copies are there.
    expect(await page.locator('button[data-copy="html"]').isDisabled()).toBe(false);
  });

  it('copies what build prints even with an error of the inbox checks, and says there are errors to fix', async () => {
    const root = makeProject();
    const footer = join(root, 'templates', 'pvd', 'partials', 'footer.hbs');
    writeFileSync(footer, readFileSync(footer, 'utf8').replace('<br><a href="{{mergeTags.unsubscribe}}">Se désinscrire</a>', ''));
    const { page } = await openPreviewPage(browser, root, { clipboard: true });
    expect(await page.locator('.diagnostic.error .rule').allTextContents()).toEqual(['inbox-unsubscribe']);
    expect(await page.locator('#status').textContent()).toMatch(/^Erreurs à corriger · /);
    expect(await page.locator('#stale').isVisible()).toBe(false);
    expect(await page.locator('#copy-blocked').isVisible()).toBe(false);
    // `build --stdout` prints the HTML and exits 1: the files are there to look at, the errors to fix before sending.
    const run = runPvd(['build', '42', '--stdout', 'html'], { cwd: root });
    expect(run.code).toBe(1);
    expect((await copy(page, 'html')).clipboard).toBe(run.stdout);
  });

  it('speaks English with --lang en', async () => {
    const root = makeProject();
    const { page } = await openPreviewPage(browser, root, { args: ['--lang', 'en'], clipboard: true });
    expect(await page.locator('#handover-title').textContent()).toBe('Prepare to send');
    expect(await page.locator('#handover button').allTextContents()).toEqual(['Check the images are online', 'Copy subject', 'Copy preview text', 'Copy HTML', 'Copy plain text']);
    expect(await page.locator('#target option').first().textContent()).toBe('The generic version, plain links, no merge tags (target: of template.yaml)');
    expect(await page.locator('#html-field').textContent()).toBe(MAILING_TOOLS.generic.htmlField.en);
    expect(await page.locator('#text-field').textContent()).toBe("paste the copied plain text into your tool's plain-text field");
    const html = await copy(page, 'html');
    expect(html.said).toBe('The HTML for the generic version, plain links, no merge tags: copied to the clipboard.');
    expect(html.clipboard).toBe(built(root, 'generic', 'html'));
  });

  const machineAddress = Object.values(networkInterfaces()).flatMap((entries) => entries ?? []).find((entry) => !entry.internal && entry.family === 'IPv4')?.address;
  it.skipIf(!machineAddress)('says where copying works when the page is opened at a network address (not a secure context)', async () => {
    const root = makeProject();
    const { page, preview } = await openPreviewPage(browser, root, { args: ['--host', '0.0.0.0'] });
    await page.goto(`http://${machineAddress}:${preview.port}/`);
    await page.waitForFunction(() => document.body.dataset.state === 'ok');
    await page.click('button[data-copy="subject"]');
    await expect.poll(() => page.locator('#copy-status').textContent()).toBe('Ce navigateur ne copie que depuis une adresse locale : ouvrez l’aperçu à http://127.0.0.1 (ou localhost) sur cette machine.');
  });
});
