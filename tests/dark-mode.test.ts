import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { contrastRatio, parseColor } from '../src/inbox/contrast.js';
import { REPO, chromiumSkipReason, hasChromium, launchChromium, makeProject, openEmail, runPvd } from './helpers.js';

if (!hasChromium) console.warn(chromiumSkipReason());

interface Painted {
  what: string;
  text: string;
  color: string;
  background: string;
}

/** Computed text colour of each element, and the colour actually painted behind it. */
function paintedColours(page: Page, selector: string, what: string): Promise<Painted[]> {
  return page.$$eval(selector, (elements, what) => elements.map((element) => {
    let background = 'rgba(0, 0, 0, 0)';
    for (let current: Element | null = element; current; current = current.parentElement) {
      const color = getComputedStyle(current).backgroundColor;
      if (!/rgba\(.*, 0\)$|transparent/.test(color)) {
        background = color;
        break;
      }
    }
    if (background === 'rgba(0, 0, 0, 0)') background = 'rgb(255, 255, 255)';
    return { what, text: (element.textContent ?? '').trim().slice(0, 40), color: getComputedStyle(element).color, background };
  }, what), what);
}

describe.skipIf(!hasChromium)('#42 in light and dark mode (Chromium, emulated prefers-color-scheme)', () => {
  let browser: Browser;
  let outFolder: string;
  const screenshots = join(REPO, 'out', 'screenshots');

  beforeAll(async () => {
    const root = makeProject();
    const result = runPvd(['build', '42'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    outFolder = join(root, 'out', '042');
    browser = await launchChromium();
    mkdirSync(screenshots, { recursive: true });
  });
  afterAll(async () => browser?.close());

  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: headings, figure, buttons and text reach 4.5:1 against what is painted behind them`, async () => {
      const page = await browser.newPage();
      await openEmail(page, outFolder, { width: 640, colorScheme: scheme });
      await page.screenshot({ path: join(screenshots, `042-${scheme}.png`), fullPage: true });
      const painted = [
        ...(await paintedColours(page, 'h1', 'h1')),
        ...(await paintedColours(page, 'h2', 'h2')),
        ...(await paintedColours(page, 'h3', 'h3')),
        ...(await paintedColours(page, '.figure', 'figure')),
        ...(await paintedColours(page, 'a.button', 'button')),
        ...(await paintedColours(page, 'p, li', 'text')),
        ...(await paintedColours(page, '.weblink a, .footer a', 'link')),
      ];
      expect(painted.filter((entry) => entry.what === 'h2').length).toBeGreaterThanOrEqual(9);
      expect(painted.filter((entry) => entry.what === 'button').length).toBeGreaterThanOrEqual(4);
      const illegible = painted
        .map((entry) => ({ ...entry, ratio: Number(contrastRatio(parseColor(entry.color)!, parseColor(entry.background)!).toFixed(2)) }))
        .filter((entry) => entry.ratio < 4.5);
      expect(illegible).toEqual([]);
      await page.close();
    });
  }

  it('dark: really darkens the page, and keeps the logo on its white background', async () => {
    const page = await browser.newPage();
    await openEmail(page, outFolder, { width: 640, colorScheme: 'dark' });
    const colours = await page.evaluate(() => {
      const logo = document.querySelector('.logo-cell img') as HTMLImageElement;
      const cell = logo.closest('td')!;
      return {
        container: getComputedStyle(document.querySelector('.container')!).backgroundColor,
        logoCell: getComputedStyle(cell).backgroundColor,
        logoLoaded: logo.complete && logo.naturalWidth > 0,
        // The white badge reaches past the logo on every side: no dark seam around it.
        badge: (() => {
          const image = logo.getBoundingClientRect();
          const box = cell.getBoundingClientRect();
          return { left: image.left - box.left, right: box.right - image.right, top: image.top - box.top, bottom: box.bottom - image.bottom };
        })(),
      };
    });
    expect(colours.logoLoaded).toBe(true);
    expect(colours.logoCell).toBe('rgb(255, 255, 255)');
    expect(contrastRatio(parseColor(colours.container)!, parseColor('#ffffff')!)).toBeGreaterThan(10);
    for (const side of Object.values(colours.badge)) expect(side).toBeGreaterThanOrEqual(4);
    await page.close();
  });
});
