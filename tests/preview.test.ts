import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, watch, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, editIssue, hasChromium, launchChromium, makeProject, runPvd } from './helpers.js';
import { closePages, freePort, openPreviewPage, rawRequest, startPreview, stopPreviews } from './preview-helpers.js';

if (!hasChromium) console.warn(chromiumSkipReason());

const SENTENCE = "Chaque mois, retrouvez dans cette lettre, l'actualité du programme Petites villes de demain.";

afterEach(async () => {
  await closePages();
  await stopPreviews();
});

describe.skipIf(!hasChromium)('pvd preview in a real Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const desktop = (page: Page) => page.frameLocator('#frame-desktop');
  /** A project copy of its own, shown in a page of its own, once the email is there. */
  async function open(prepare: (root: string) => void = () => {}) {
    const root = makeProject();
    prepare(root);
    const opened = await openPreviewPage(browser, root);
    return { root, ...opened };
  }
  const emailShown = async (page: Page, text: string) => expect.poll(() => desktop(page).getByText(text).count(), { timeout: 10_000 }).toBe(1);

  it('shows the issue at desktop and mobile widths, with its images served locally', async () => {
    const { page } = await open();
    await emailShown(page, SENTENCE);
    await expect.poll(() => page.frameLocator('#frame-mobile').getByText(SENTENCE).count()).toBe(1);
    const widths = await page.evaluate(() => ['#frame-desktop', '#frame-mobile'].map((id) => (document.querySelector(id) as HTMLIFrameElement).clientWidth));
    expect(widths).toEqual([680, 375]);
    await expect.poll(() => page.locator('#frame-desktop').evaluate((frame: HTMLIFrameElement) => {
      const images = [...frame.contentDocument!.images];
      return images.length > 0 && images.every((image) => image.complete && image.naturalWidth > 0 && image.src.startsWith(`${location.origin}/assets/042/images/`));
    })).toBe(true);
    expect(await page.locator('.diagnostic').count()).toBe(0);
    expect(await page.locator('#problems-summary').textContent()).toBe('✓ Aucun problème détecté');
    expect(await page.locator('#status').textContent()).toMatch(/^À jour · \d{2}:\d{2}:\d{2}$/);
  });

  it('shows the plaintext in its own tab', async () => {
    const { page, root } = await open();
    await page.getByRole('tab', { name: 'Texte brut' }).click();
    const built = runPvd(['build', '42', '--stdout', 'text'], { cwd: root });
    await expect.poll(() => page.locator('#plaintext').textContent()).toBe(built.stdout);
    await page.getByRole('tab', { name: 'E-mail' }).click();
    expect(await page.locator('#plaintext').isVisible()).toBe(false);
    expect(await page.locator('#frame-desktop').isVisible()).toBe(true);
  });

  it('shows an edited sentence without reloading the page', async () => {
    const { page, root, navigations } = await open();
    await emailShown(page, SENTENCE);
    await page.evaluate(() => {
      const state = window as unknown as { marker: string; shownAt?: number };
      state.marker = 'same page';
      // The moment the new text is in the desktop frame, taken in the page at each frame painted: the test's polling adds nothing.
      const frame = document.querySelector('#frame-desktop') as HTMLIFrameElement;
      const check = (): void => {
        if (frame.contentDocument?.body?.textContent?.replace(/\s+/g, ' ').includes('découvrez dans cette lettre')) state.shownAt = Date.now();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    const savedAt = Date.now();
    editIssue(root, '042', (source) => source.replace('retrouvez dans cette lettre', 'découvrez dans cette lettre'));
    await emailShown(page, "Chaque mois, découvrez dans cette lettre, l'actualité du programme Petites villes de demain.");
    const shownAt = await page.waitForFunction(() => (window as unknown as { shownAt?: number }).shownAt).then((handle) => handle.jsonValue()) as number;
    // Latency is reported, not asserted: timing budgets live in `npm run bench`.
    console.log(`preview updated ${shownAt - savedAt} ms after the save`);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    expect(navigations).toHaveLength(1);
  });

  it('follows editors that save by writing a new file and renaming it over issue.md', async () => {
    const { page, root } = await open();
    const path = join(root, 'issues', '042', 'issue.md');
    const temporary = join(root, 'issues', '042', '.issue.md.swp');
    writeFileSync(temporary, readFileSync(path, 'utf8').replace('retrouvez dans cette lettre', 'lisez dans cette lettre'));
    renameSync(temporary, path);
    await emailShown(page, "Chaque mois, lisez dans cette lettre, l'actualité du programme Petites villes de demain.");
    // The watch survives the rename: a second save is seen too.
    editIssue(root, '042', (source) => source.replace('lisez dans cette lettre', 'parcourez dans cette lettre'));
    await emailShown(page, "Chaque mois, parcourez dans cette lettre, l'actualité du programme Petites villes de demain.");
  });

  it('shows broken front matter as a diagnostic with its line, beside the last email without errors, then the issue again once fixed', async () => {
    const { page, root } = await open();
    await emailShown(page, SENTENCE);
    const original = readFileSync(join(root, 'issues', '042', 'issue.md'), 'utf8');
    editIssue(root, '042', (source) => source.replace('date: 2024-12-16', 'date: 2024-12-16: demain'));
    const parseError = page.locator('.diagnostic', { hasText: '« : » dans une valeur sans guillemets' });
    await expect.poll(() => parseError.count(), { timeout: 10_000 }).toBe(1);
    expect(await parseError.locator('.where').textContent()).toBe('Ligne 3, colonne 1parse');
    expect(await parseError.locator('.excerpt').textContent()).toBe('date: 2024-12-16: demain');
    expect(await page.locator('#status').textContent()).toMatch(/^Erreurs à corriger · /);
    // The email stays, marked: the diagnostics explain what changed since.
    expect(await page.locator('#frames').isVisible()).toBe(true);
    expect(await page.locator('#blocked').isVisible()).toBe(false);
    expect(await page.locator('#stale').isVisible()).toBe(true);
    expect(await desktop(page).getByText(SENTENCE).count()).toBe(1);

    writeFileSync(join(root, 'issues', '042', 'issue.md'), original);
    await expect.poll(() => page.locator('#stale').isVisible(), { timeout: 10_000 }).toBe(false);
    expect(await page.locator('.diagnostic').count()).toBe(0);
    expect(await page.locator('#status').textContent()).toMatch(/^À jour · /);
  });

  it('says the preview is paused when the issue has errors from the start', async () => {
    const { page } = await open((root) => editIssue(root, '042', (source) => source.replace('date: 2024-12-16', 'date: 2024-12-16: demain')));
    expect(await page.locator('#blocked').isVisible()).toBe(true);
    expect(await page.locator('#blocked h2').textContent()).toBe('Aperçu suspendu');
    expect(await page.locator('#frames').isVisible()).toBe(false);
    expect(await page.locator('#stale').isVisible()).toBe(false);
    expect(await page.locator('.diagnostic.error .rule').allTextContents()).toEqual(['parse']);
    await page.getByRole('tab', { name: 'Texte brut' }).click();
    expect(await page.locator('#plaintext').textContent()).toBe('Le texte brut reviendra dès que les erreurs seront corrigées.');
  });

  it('shows what the issue holds as text, never as markup', async () => {
    const { page } = await open((root) => editIssue(root, '042', (source) => source.replace('date: 2024-12-16', 'date: <img src=x onerror="window.pwned=1"><b>demain</b>')));
    await expect.poll(() => page.locator('.excerpt', { hasText: '<b>demain</b>' }).count()).toBeGreaterThan(0);
    expect(await page.locator('.excerpt', { hasText: '<b>demain</b>' }).first().textContent()).toBe('date: <img src=x onerror="window.pwned=1"><b>demain</b>');
    expect(await page.locator('#diagnostics b, #diagnostics img, #handover b, #handover img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });

  it('shows a missing image as a diagnostic, and the issue again once the image is back', async () => {
    const { page, root } = await open();
    const image = join(root, 'issues', '042', 'images', 'toul.jpg');
    const hidden = join(root, 'issues', '042', 'images', 'toul.jpg.bak');
    renameSync(image, hidden);
    const missing = page.locator('.diagnostic.error', { hasText: 'images/toul.jpg' });
    await expect.poll(() => missing.count(), { timeout: 10_000 }).toBe(1);
    expect(await missing.locator('.rule').textContent()).toBe('image-missing');
    renameSync(hidden, image);
    await expect.poll(() => page.locator('.diagnostic').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('#stale').isVisible()).toBe(false);
  });

  it('updates when a template file is saved', async () => {
    const { page, root } = await open();
    const footer = join(root, 'templates', 'pvd', 'partials', 'footer.hbs');
    const before = readFileSync(footer, 'utf8');
    const after = before.replace(/<h2>[^<{]*<\/h2>/, '<h2>Faites suivre cette lettre</h2>');
    expect(after).not.toBe(before);
    writeFileSync(footer, after);
    await emailShown(page, 'Faites suivre cette lettre');
  });

  it('keeps serving when the issue file disappears, and recovers', async () => {
    const { page, root } = await open();
    const issue = join(root, 'issues', '042', 'issue.md');
    const moved = join(root, 'issues', '042', 'issue.md.moved');
    renameSync(issue, moved);
    await expect.poll(() => page.locator('.diagnostic', { hasText: "n'existe pas" }).count(), { timeout: 10_000 }).toBe(1);
    renameSync(moved, issue);
    await expect.poll(() => page.locator('.diagnostic').count(), { timeout: 10_000 }).toBe(0);
  });

  it('locates a mistake in template.yaml, and recovers', async () => {
    const { page, root } = await open();
    const templateFile = join(root, 'templates', 'pvd', 'template.yaml');
    const template = readFileSync(templateFile, 'utf8');
    writeFileSync(templateFile, template.replace('primary: "#000091"', 'primary: "bleu"'));
    const templateError = page.locator('.diagnostic', { hasText: 'colors.primary' });
    await expect.poll(() => templateError.count(), { timeout: 10_000 }).toBe(1);
    expect(await templateError.locator('.where').textContent()).toMatch(/^templates\/pvd\/template\.yaml, ligne \d+, colonne \d+template$/);
    expect(await templateError.locator('.excerpt').textContent()).toBe('  primary: "bleu"');
    writeFileSync(templateFile, template);
    await expect.poll(() => page.locator('.diagnostic').count(), { timeout: 10_000 }).toBe(0);
  });

  it('locates a Handlebars mistake in a partial, and recovers', async () => {
    const { page, root } = await open();
    const partial = join(root, 'templates', 'pvd', 'partials', 'footer.hbs');
    const footer = readFileSync(partial, 'utf8');
    writeFileSync(partial, `${footer}\n{{#if footer.credits}}`);
    const syntaxError = page.locator('.diagnostic', { hasText: 'Le bloc « {{#if}} » n’est jamais refermé' });
    await expect.poll(() => syntaxError.count(), { timeout: 10_000 }).toBe(1);
    // At the block left open, not at the end of the file.
    expect(await syntaxError.locator('.where').textContent()).toMatch(new RegExp(`^templates/pvd/partials/footer\\.hbs, ligne ${footer.split('\n').length + 1}, colonne 1`));
    writeFileSync(partial, footer);
    await expect.poll(() => page.locator('.diagnostic').count(), { timeout: 10_000 }).toBe(0);
  });
});

describe('pvd preview: requests', () => {
  it('refuses every path that climbs out of what it serves, however it is written', async () => {
    const { port } = await startPreview(makeProject(), ['42', '--port', '0']);
    const asset = await rawRequest(port, 'GET', '/assets/042/images/toul.jpg');
    expect(asset.status).toBe(200);
    for (const path of [
      '/../package.json', '/../../package.json', '/%2e%2e/package.json', '/%2e%2e%2fpackage.json', '/%2E%2E%2Fpackage.json',
      '/%252e%252e%252fpackage.json', '/..%5cpackage.json', '/..\\package.json', '/assets/../../package.json',
      '/assets/042/images/..%2f..%2fissue.md', '/assets/042/images/%2e%2e/%2e%2e/issue.md', '/issues/042/issue.md',
      '/package.json', '/templates/pvd/template.yaml', '/assets/042/issue.md', '/assets/..%c0%af..%c0%afpackage.json',
    ]) {
      const response = await rawRequest(port, 'GET', path);
      expect([400, 404], path).toContain(response.status);
      expect(response.body, path).not.toContain('"name"');
      expect(response.body, path).not.toContain('number: 42');
    }
  });

  it('answers only GET and HEAD', async () => {
    const { port } = await startPreview(makeProject(), ['42', '--port', '0']);
    const head = await rawRequest(port, 'HEAD', '/');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const response = await rawRequest(port, method, '/');
      expect(response.status, method).toBe(405);
      expect(response.head).toMatch(/^Allow: GET, HEAD$/im);
    }
  });

  it('refuses requests made under another host name (DNS rebinding)', async () => {
    const { port } = await startPreview(makeProject(), ['42', '--port', '0']);
    expect((await rawRequest(port, 'GET', '/', 'attacker.example:80')).status).toBe(403);
    expect((await rawRequest(port, 'GET', '/', `localhost:${port}`)).status).toBe(200);
  });

  it('keeps the page strict: its own script only, no inline script, no framing', async () => {
    const { port } = await startPreview(makeProject(), ['42', '--port', '0']);
    const page = await rawRequest(port, 'GET', '/');
    expect(/^Content-Security-Policy: (.*)$/im.exec(page.head)?.[1]).toBe("default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; frame-src 'self'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'");
    expect(page.body.match(/<script[^>]*>/g)).toEqual(['<script type="application/json" id="pvd-labels">', '<script src="/app.js">']);
  });
});

describe('pvd preview: starting and stopping', () => {
  it('prints the URL on the port asked for, on loopback, and stops cleanly on Ctrl-C, exit code 0', async () => {
    const port = await freePort();
    const preview = await startPreview(makeProject(), ['42', '--port', String(port)]);
    expect(preview.url).toBe(`http://127.0.0.1:${port}/`);
    expect(preview.stdout()).toBe(`Aperçu de issues/042/issue.md : http://127.0.0.1:${port}/\nLa page se met à jour à chaque enregistrement. Ctrl-C pour arrêter.\n`);
    preview.child.kill('SIGINT');
    expect(await preview.exited).toBe(0);
    expect(preview.stdout()).toMatch(/Aperçu arrêté\.\n$/);
    expect(preview.stderr()).toBe('');
  });

  it('takes the next port when the one asked for is busy, and says so', async () => {
    const port = await freePort();
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(port, '127.0.0.1', resolve));
    try {
      const preview = await startPreview(makeProject(), ['42', '--port', String(port)]);
      // Another test running beside this one may hold port + 1 by now: the preview then goes on to the next
      // free one, which is still right; what matters is that it moved up, says so, and serves where it says.
      const moved = new RegExp(`^Le port ${port} est occupé : l’aperçu utilise le port (\\d+)\\.$`, 'm').exec(preview.stdout());
      expect(moved, preview.stdout()).not.toBeNull();
      const taken = Number(moved![1]);
      expect(taken).toBeGreaterThan(port);
      expect(taken).toBeLessThan(port + 20);
      expect(preview.url).toBe(`http://127.0.0.1:${taken}/`);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('warns when --host opens the preview to the network', async () => {
    const preview = await startPreview(makeProject(), ['42', '--port', '0', '--host', '0.0.0.0']);
    preview.child.kill('SIGINT');
    expect(await preview.exited).toBe(0);
    expect(preview.stderr()).toBe('⚠ --host 0.0.0.0 : l’aperçu est visible par les autres machines du réseau, sans mot de passe. N’utilisez cette option que sur un réseau de confiance.\n');
  });

  it.skipIf(process.platform !== 'linux')('--open asks the desktop to open the preview’s address', async () => {
    const root = makeProject();
    // The desktop's opener on Linux, replaced by one that writes down what it was asked to open.
    const bin = join(root, 'bin');
    const opened = join(root, 'opened.txt');
    mkdirSync(bin);
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${opened}.tmp' && mv '${opened}.tmp' '${opened}'\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const written = new Promise<void>((resolve) => {
      const watcher = watch(root, () => {
        if (!existsSync(opened)) return;
        watcher.close();
        resolve();
      });
    });
    const preview = await startPreview(root, ['42', '--port', '0', '--open'], { PATH: `${bin}:/usr/bin:/bin` });
    await written;
    expect(readFileSync(opened, 'utf8')).toBe(preview.url);
    preview.child.kill('SIGINT');
    expect(await preview.exited).toBe(0);
  });

  it('--open on a machine with no browser opener is no error', async () => {
    const root = makeProject();
    const preview = await startPreview(root, ['42', '--port', '0', '--open'], { PATH: join(root, 'no-such-folder') });
    // The failed spawn is reported on the next tick, before the signal is handled: a crash would show here.
    preview.child.kill('SIGINT');
    expect(await preview.exited).toBe(0);
    expect(preview.stderr()).toBe('');
  });

  it('refuses an issue that does not exist and a port that is not one, in French, exit 2', () => {
    const root = makeProject();
    const missing = runPvd(['preview', '99'], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("pvd : Le numéro 99 n'existe pas (issues/099/issue.md est introuvable) : numéros présents : 42. Créez-le avec « npx pvd new ».\n");
    const badPort = runPvd(['preview', '42', '--port', 'http'], { cwd: root });
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toBe('pvd : --port http : donnez un numéro de port entre 1 et 65535 (par exemple --port 4200).\n');
  });
});
