import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parsePage, styleValue } from '../src/inbox/page.js';
import { PAGE_SCRIPT } from '../src/check/page-script.js';
import { markElements, PROFILES } from '../src/check/profiles.js';
import { SLOTS } from '../src/template/layout.js';
import { chromiumSkipReason, hasChromium, launchChromium, makeProject, openEmail, runPvd } from './helpers.js';

// Issue 11: #42 as particular inboxes show it, one test per defect the issue lists.
let outFolder: string;
let html: string;
let text: string;

beforeAll(() => {
  const root = makeProject();
  const build = runPvd(['build', '42'], { cwd: root });
  expect(build.code, build.stderr).toBe(0);
  outFolder = join(root, 'out', '042');
  html = readFileSync(join(outFolder, 'index.html'), 'utf8');
  text = readFileSync(join(outFolder, 'index.txt'), 'utf8');
});

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}

if (!hasChromium) console.warn(chromiumSkipReason());

describe.skipIf(!hasChromium)('#42 in simulated inboxes (Chromium)', () => {
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  });
  afterAll(async () => browser?.close());

  /** The built email as the profile's inboxes receive and show it, at one width. */
  async function inProfile(id: string, width: number): Promise<Page> {
    const profile = PROFILES.find((candidate) => candidate.id === id)!;
    const page = await browser.newPage();
    pages.push(page);
    await openEmail(page, outFolder, { width, colorScheme: profile.colorScheme, transform: (source) => profile.transform(markElements(source)) });
    await page.evaluate(PAGE_SCRIPT);
    if (profile.inPage) await page.evaluate(`window.__pvd.${profile.inPage}()`);
    return page;
  }

  const cards = (page: Page) => page.$$eval('#projetotheque h3', (headings) => headings.map((heading) => {
    const item = heading.closest('td[data-pvd]')!.closest('tr')!;
    return { heading: heading.getBoundingClientRect().toJSON() as Box, picture: item.querySelector('img')!.getBoundingClientRect().toJSON() as Box };
  }));

  describe('1. without <style> (Gmail with a non-Google account)', () => {
    it('stacks each card on a phone: its heading under its picture, in a column of 220 px or more', async () => {
      const found = await cards(await inProfile('no-style', 375));
      expect(found).toHaveLength(3);
      for (const { heading, picture } of found) {
        expect(heading.top).toBeGreaterThanOrEqual(picture.bottom - 1);
        expect(heading.width).toBeGreaterThanOrEqual(220);
      }
    });

    it('keeps the cards side by side on a desktop: the stacking needs no media query', async () => {
      for (const { heading, picture } of await cards(await inProfile('no-style', 600))) expect(heading.left).toBeGreaterThanOrEqual(picture.right);
    });

    it('does not scroll sideways at 320 px, header included', async () => {
      const page = await inProfile('no-style', 320);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
      const header = await page.$$eval('img, a', (elements) => elements.slice(0, 2).map((element) => element.getBoundingClientRect().right));
      for (const right of header) expect(right).toBeLessThanOrEqual(320);
    });
  });

  describe('2. Outlook for Windows: padding and borders only on table cells', () => {
    /** Every rule of `width` px in `color` the page paints, as a horizontal line. */
    const rules = (page: Page, width: string, color: string) => page.evaluate(({ width, color }) => {
      const lines: { y: number; left: number; right: number }[] = [];
      for (const element of document.querySelectorAll('body *')) {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        if (style.borderTopWidth === width && style.borderTopStyle === 'solid' && style.borderTopColor === color) lines.push({ y: box.top, left: box.left, right: box.right });
        if (style.borderBottomWidth === width && style.borderBottomStyle === 'solid' && style.borderBottomColor === color) lines.push({ y: box.bottom, left: box.left, right: box.right });
      }
      return lines;
    }, { width, color });

    it('draws the red rule under each section title, 4 to 12 px below it, across the column', async () => {
      const page = await inProfile('outlook-windows', 600);
      const lines = await rules(page, '2px', 'rgb(201, 25, 30)');
      const titles = await page.$$eval('h2', (headings) => headings.map((heading) => heading.getBoundingClientRect().toJSON() as Box));
      expect(titles).toHaveLength(10);
      for (const title of titles) {
        const rule = lines.find((line) => line.y - title.bottom >= 4 && line.y - title.bottom <= 12);
        expect(rule, `rule under the title at ${title.top}px`).toBeDefined();
        expect(rule!.right - rule!.left).toBe(552);
      }
    });

    it('separates the items of a section with a grey rule, with room on either side', async () => {
      const page = await inProfile('outlook-windows', 600);
      const lines = await rules(page, '1px', 'rgb(221, 221, 221)');
      for (const section of ['#services', '#projetotheque']) {
        const titles = await page.$$eval(`${section} h3`, (headings) => headings.map((heading) => heading.getBoundingClientRect().toJSON() as Box));
        expect(titles.length).toBeGreaterThanOrEqual(3);
        for (let index = 1; index < titles.length; index++) {
          const between = lines.filter((line) => line.y > titles[index - 1]!.bottom && line.y < titles[index]!.top);
          expect(between, `${section}, before item ${index + 1}`).toHaveLength(1);
          expect(titles[index]!.top - between[0]!.y).toBeGreaterThanOrEqual(12);
        }
      }
    });

    it('keeps the space between each picture and its credit', async () => {
      const page = await inProfile('outlook-windows', 600);
      const gaps = await page.$$eval('img', (images) => images.flatMap((image) => {
        const credit = image.closest('td')!.querySelector('p');
        return credit?.textContent?.startsWith('©') ? [credit.getBoundingClientRect().top - image.getBoundingClientRect().bottom] : [];
      }));
      expect(gaps).toHaveLength(9);
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(4);
    });
  });

  describe('3. Outlook for Windows: pixel line heights are exact', () => {
    it('keeps « 84 % » in its 60 px line', async () => {
      const page = await inProfile('outlook-windows', 600);
      const figure = await page.$eval('#chiffre p', (paragraph) => ({ text: paragraph.textContent, height: paragraph.getBoundingClientRect().height }));
      expect(figure).toEqual({ text: '84\u00a0%', height: 60 });
    });

    it('says mso-line-height-rule: exactly beside every pixel line height', () => {
      const inexact = parsePage(html, 'index.html').elements.filter((element) => /px$/.test(styleValue(element, 'line-height') ?? '') && styleValue(element, 'mso-line-height-rule') !== 'exactly');
      // The preheader is hidden: its 1px line height holds nothing.
      expect(inexact.map((element) => element.attributes.class ?? element.name)).toEqual(['preheader']);
    });
  });

  describe('4. Apple Mail iOS: its data detectors keep the design', () => {
    it('turns dates, times and the address into links that keep the colour of their text, not underlined', async () => {
      const page = await inProfile('apple-mail-ios', 375);
      const detected = await page.$$eval('a[x-apple-data-detectors]', (links) => links.map((link) => ({
        text: link.textContent,
        sameColour: getComputedStyle(link).color === getComputedStyle(link.parentElement!).color,
        decoration: getComputedStyle(link).textDecorationLine,
      })));
      expect(detected.map((link) => link.text)).toEqual(expect.arrayContaining(['6 janvier 1978', 'TSA 10717 - 75334 Paris Cedex 07', 'mardi 14 janvier de 14h00 à 15h00']));
      expect(detected.filter((link) => !link.sameColour || link.decoration !== 'none')).toEqual([]);
    });
  });

  describe('5. Apple Mail iOS: the 600 px limit holds on an iPad', () => {
    it('keeps every paragraph within the 552 px column at 1024 px', async () => {
      const page = await inProfile('apple-mail-ios', 1024);
      const widths = await page.$$eval('p', (paragraphs) => paragraphs.map((paragraph) => paragraph.getBoundingClientRect().width));
      expect(Math.max(...widths)).toBe(552);
    });
  });

  describe('6. pictures carry twice the pixels of their widest display', () => {
    it('at every width up to 1024 px, a card stacked on a phone included', async () => {
      const widest = new Map<string, { shown: number; natural: number }>();
      for (const width of [320, 375, 599, 600, 1024]) {
        const page = await inProfile('all-css', width);
        for (const image of await page.$$eval('img', (images) => images.map((image) => ({ src: image.src, shown: image.getBoundingClientRect().width, natural: image.naturalWidth })))) {
          widest.set(image.src, { shown: Math.max(image.shown, widest.get(image.src)?.shown ?? 0), natural: image.natural });
        }
      }
      expect(widest.size).toBe(10);
      for (const [src, { shown, natural }] of widest) expect(natural / shown, src).toBeGreaterThanOrEqual(2);
    });

    it('are shown at the widths src/template/layout.ts gives image-weight: 220 px beside the text, 552 px stacked', async () => {
      const at = async (width: number) => (await cards(await inProfile('all-css', width))).map((card) => card.picture.width);
      expect(await at(600)).toEqual([SLOTS.card.desktop, SLOTS.card.desktop, SLOTS.card.desktop]);
      expect(await at(599)).toEqual([SLOTS.card.widest, SLOTS.card.widest, SLOTS.card.widest]);
    });

    it('and each weighs at most 300 KB', () => {
      const folder = join(outFolder, 'images');
      const sizes = readdirSync(folder).map((name) => statSync(join(folder, name)).size);
      expect(sizes).toHaveLength(10);
      for (const size of sizes) expect(size).toBeLessThanOrEqual(300 * 1024);
    });
  });

  describe('7. each card has a text link a screen reader announces', () => {
    it('its title, going where its picture goes', async () => {
      const page = await inProfile('all-css', 600);
      const titles = await page.$$eval('#projetotheque h3', (headings) => headings.map((heading) => heading.textContent!.trim()));
      expect(titles).toHaveLength(3);
      for (const title of titles) {
        const link = page.getByRole('link', { name: title, exact: true });
        expect(await link.count()).toBe(1);
        const pictureLink = await link.evaluate((element) => element.closest('tr')!.querySelector('a:has(img)')!.getAttribute('href'));
        expect(await link.getAttribute('href')).toBe(pictureLink);
      }
    });

    it('one stop per card for the keyboard: the picture’s link, which repeats the title’s, is skipped by Tab', async () => {
      const page = await inProfile('all-css', 600);
      const titles = await page.$$eval('#projetotheque h3 a', (links) => links.map((link) => link.textContent!.trim()));
      expect(titles).toHaveLength(3);
      // From the cards' table itself: the section's intro has a link of its own before it.
      await page.locator('#projetotheque table.cards').evaluate((cards) => {
        cards.setAttribute('tabindex', '-1');
        (cards as HTMLElement).focus();
      });
      const reached: string[] = [];
      for (let stop = 0; stop < 3; stop++) {
        await page.keyboard.press('Tab');
        reached.push(await page.evaluate(() => (document.activeElement as HTMLElement).textContent!.trim()));
      }
      expect(reached).toEqual(titles);
    });
  });
});

describe('8. a plaintext one can follow', () => {
  const lines = () => text.split('\n');
  const REFERENCE = /^\[(\d+)\] (\S+)$/;

  it('keeps every line within 72 columns, but for a reference line, never cut', () => {
    const long = lines().filter((line) => [...line].length > 72);
    expect(long.length).toBeGreaterThan(0);
    for (const line of long) expect(line).toMatch(REFERENCE);
  });

  it('cuts no sentence with an address: they are all in the reference lists, or on a line of their own', () => {
    const inline = lines().filter((line) => /https?:|mailto:/.test(line) && !REFERENCE.test(line));
    expect(inline).toEqual(['https://agence-cohesion-territoires.gouv.fr/lettre-pvd/042/', 'https://agence-cohesion-territoires.gouv.fr/lettre-pvd/desinscription']);
  });

  it('gives every link of the HTML, the share link included', () => {
    const hrefs = new Set([...html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&').replaceAll('&#39;', "'")));
    expect(hrefs.size).toBe(13);
    for (const href of hrefs) expect(text, href).toContain(href.startsWith('mailto:') && !href.startsWith('mailto:?') ? href.slice('mailto:'.length) : href);
    expect(text).toMatch(/transférez-la par e-mail\u00a0\[(\d+)\]\.\n\n\[\1\] mailto:\?subject=Lettre%20d'information%20Petites%20villes%20de%20demain\n/);
  });

  it('numbers each address once for the whole message, and lists it after each part that cites it', () => {
    const addresses = new Map<string, string>();
    const parts = text.split(/\n(?=.+\n=+\n)/);
    expect(parts.length).toBe(10);
    for (const part of parts) {
      const listed = part.split('\n').map((line) => REFERENCE.exec(line)).filter((match) => match !== null);
      const cited = new Set([...part.matchAll(/\u00a0\[(\d+)\]/g)].map((match) => match[1]!));
      expect(new Set(listed.map((match) => match[1]))).toEqual(cited);
      expect(new Set(listed.map((match) => match[2])).size).toBe(listed.length);
      for (const [, number, address] of listed) {
        expect(addresses.get(number!) ?? address).toBe(address);
        addresses.set(number!, address!);
      }
    }
    // The projetothèque's page: cited four times in its section, once in the press review.
    expect([...text.matchAll(/^\[2\] https:\/\/agence-cohesion-territoires\.gouv\.fr\/petites-villes-de-demain-45\?utm_/gm)]).toHaveLength(2);
  });
});

describe('9. smaller things', () => {
  it('declares the colour schemes on :root, where Apple Mail reads them', () => {
    expect(html).toMatch(/<style>[^<]*:root \{\s*color-scheme: light dark;/);
  });

  it('puts no padding on a table, where it does nothing', () => {
    const padded = parsePage(html, 'index.html').elements.filter((element) => element.name === 'table' && element.style.some((declaration) => declaration.property.startsWith('padding')));
    expect(padded).toEqual([]);
  });

  it('shows the logo 75 px tall from a picture twice as large: room for its strapline on two legible lines', () => {
    expect(html).toMatch(/<img src="[^"]*logo-pvd\.png" alt="[^"]+" width="220" height="75"/);
    const png = readFileSync(join(outFolder, 'images', 'logo-pvd.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([440, 150]);
  });

  it('keeps #42 within its 48 KB budget', () => {
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(48 * 1024);
  });
});
