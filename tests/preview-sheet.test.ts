import { readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { writeContactSheet } from '../src/check/contact-sheet.js';
import { chromiumSkipReason, hasChromium, launchChromium, makeProject, REPO, runPvd } from './helpers.js';
import { closePages, openPreviewPage, rawRequest, snapshotWhere, startPreview, stopPreviews } from './preview-helpers.js';

if (!hasChromium) console.warn(chromiumSkipReason());

// A real PNG: what the sheet's screenshots are.
const PNG = readFileSync(join(REPO, 'templates', 'pvd', 'images', 'logo-pvd.png'));
const SHEET = '<!doctype html><html lang="fr"><title>Planche</title><h1>Planche des messageries</h1><img src="all-css-320.png" alt="Toutes les CSS, 320 px" width="160"></html>';

/** A project copy with #42 built and a contact sheet written by pvd's own writer, as `pvd check` does. */
function builtWithSheet(): { root: string; inbox: string } {
  const root = makeProject();
  expect(runPvd(['build', '42'], { cwd: root }).code).toBe(0);
  writeContactSheet(join(root, 'out'), '042', [{ name: 'index.html', content: SHEET }, { name: 'all-css-320.png', content: PNG }]);
  return { root, inbox: join(root, 'out', '042', 'inbox') };
}

afterEach(async () => {
  await closePages();
  await stopPreviews();
});

describe('pvd preview serves the contact sheet of pvd check, and nothing else from out/', () => {
  it('the page, framed, without scripts; the screenshots as PNG; the snapshot says when it was written', async () => {
    const { root, inbox } = builtWithSheet();
    const preview = await startPreview(root, ['42', '--port', '0']);
    const page = await rawRequest(preview.port, 'GET', '/inbox/index.html');
    expect(page.status).toBe(200);
    expect(page.body).toBe(SHEET);
    expect(page.head).toMatch(/^content-security-policy: default-src 'none'; img-src 'self';.*frame-ancestors 'self'/im);
    expect((await rawRequest(preview.port, 'GET', '/inbox/')).body).toBe(SHEET);
    const picture = await rawRequest(preview.port, 'GET', '/inbox/all-css-320.png');
    expect(picture.status).toBe(200);
    expect(picture.head).toMatch(/^content-type: image\/png$/im);
    const snapshot = await snapshotWhere(`${preview.url}events`, (sent) => 'inboxSheet' in sent) as unknown as { inboxSheet: { at: number } };
    expect(snapshot.inboxSheet.at).toBeGreaterThan(0);
    expect(inbox).toContain(join('out', '042'));
  });

  it('refuses what pvd check did not write there: another file, an edited page, a swapped picture, a link, a climb', async () => {
    const { root, inbox } = builtWithSheet();
    writeFileSync(join(inbox, 'notes.html'), '<script>alert(1)</script>');
    symlinkSync(join(root, 'issues', '042', 'issue.md'), join(inbox, 'lien.png'));
    const preview = await startPreview(root, ['42', '--port', '0']);
    for (const path of ['/inbox/notes.html', '/inbox/lien.png', '/inbox/issue.md', '/inbox/..%2Findex.html', '/inbox/.pvd-manifest.json', '/inbox/Index.html']) {
      expect((await rawRequest(preview.port, 'GET', path)).status, path).not.toBe(200);
    }
    writeFileSync(join(inbox, 'index.html'), SHEET.replace('Planche des', '<script>alert(1)</script>'));
    expect((await rawRequest(preview.port, 'GET', '/inbox/index.html')).status).toBe(404);
    // Same size, other bytes: an SVG in place of the screenshot.
    unlinkSync(join(inbox, 'all-css-320.png'));
    writeFileSync(join(inbox, 'all-css-320.png'), Buffer.concat([Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), Buffer.alloc(PNG.length)]).subarray(0, PNG.length));
    expect((await rawRequest(preview.port, 'GET', '/inbox/all-css-320.png')).status).toBe(404);
  });
});

describe.skipIf(!hasChromium)('the « Messageries » tab, in a real Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('says how to make the sheet, then shows it as soon as pvd check writes it, without reloading the page', async () => {
    const root = makeProject();
    expect(runPvd(['build', '42'], { cwd: root }).code).toBe(0);
    const { page, navigations } = await openPreviewPage(browser, root);
    await page.getByRole('tab', { name: 'Messageries' }).click();
    await expect.poll(() => page.locator('#inbox-none').isVisible()).toBe(true);
    expect(await page.locator('#inbox-none').textContent()).toContain('« npx pvd check 42 »');
    expect(await page.locator('#frame-inbox').isVisible()).toBe(false);

    writeContactSheet(join(root, 'out'), '042', [{ name: 'index.html', content: SHEET }, { name: 'all-css-320.png', content: PNG }]);
    await expect.poll(() => page.frameLocator('#frame-inbox').getByRole('heading', { name: 'Planche des messageries' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('#inbox-none').isVisible()).toBe(false);
    expect(await page.locator('#inbox-at').textContent()).toMatch(/^Planche écrite par « npx pvd check 42 » le /);
    const shown = await page.frameLocator('#frame-inbox').locator('img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth);
    expect(shown).toBe(440);
    expect(navigations).toHaveLength(1);
  });
});
