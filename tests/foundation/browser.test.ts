import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO, chromiumSkipReason, hasChromium, launchChromium, makeProject, openEmail, runPvd } from '../helpers.js';

if (!hasChromium) console.warn(chromiumSkipReason());

describe.skipIf(!hasChromium)('#42 in a real Chromium', () => {
  let browser: Browser;
  let outFolder: string;
  const screenshots = join(REPO, 'out', 'screenshots');

  beforeAll(async () => {
    const root = makeProject();
    expect(runPvd(['build', '42'], { cwd: root }).code).toBe(0);
    outFolder = join(root, 'out', '042');
    browser = await launchChromium();
    mkdirSync(screenshots, { recursive: true });
  });
  afterAll(async () => browser?.close());

  for (const width of [375, 600]) {
    it(`fits ${width} px without horizontal scrolling, every image loaded`, async () => {
      const page = await browser.newPage();
      await openEmail(page, outFolder, { width });
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        brokenImages: [...document.images].filter((image) => !image.complete || image.naturalWidth === 0).map((image) => image.src),
        widest: Math.max(...[...document.querySelectorAll('body *')].map((element) => element.getBoundingClientRect().right)),
      }));
      expect(layout.brokenImages).toEqual([]);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.widest).toBeLessThanOrEqual(width + 0.5);
      await page.screenshot({ path: join(screenshots, `042-${width}.png`), fullPage: true });
      await page.close();
    });
  }

  it('stacks the projetothèque cards on a phone and sets them side by side on a desktop', async () => {
    const positions: Record<number, { image: DOMRect; body: DOMRect }> = {};
    for (const width of [375, 600]) {
      const page = await browser.newPage();
      await openEmail(page, outFolder, { width });
      positions[width] = await page.evaluate(() => {
        const card = document.querySelector('.card')!;
        return { image: card.querySelector('.card-image')!.getBoundingClientRect().toJSON(), body: card.querySelector('.card-body')!.getBoundingClientRect().toJSON() };
      });
      await page.close();
    }
    expect(positions[600]!.body.left).toBeGreaterThan(positions[600]!.image.right - 1);
    expect(positions[375]!.body.top).toBeGreaterThanOrEqual(positions[375]!.image.bottom - 1);
  });

  it('keeps body text at a contrast of at least 4.5:1', async () => {
    const page = await browser.newPage();
    await openEmail(page, outFolder, { width: 600 });
    const ratios = await page.evaluate(() => {
      const luminance = (color: string) => {
        const [r, g, b] = color.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number).map((channel) => {
          const value = channel / 255;
          return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const background = (element: Element | null): string => {
        for (let node = element; node; node = node.parentElement) {
          const color = getComputedStyle(node).backgroundColor;
          if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return color;
        }
        return 'rgb(255, 255, 255)';
      };
      return [...document.querySelectorAll('p, li, h2, h3, a')].filter((element) => element.textContent!.trim()).map((element) => {
        const [light, dark] = [luminance(getComputedStyle(element).color), luminance(background(element))].sort((a, b) => b - a);
        return { text: element.textContent!.trim().slice(0, 30), ratio: (light! + 0.05) / (dark! + 0.05) };
      });
    });
    expect(ratios.filter((entry) => entry.ratio < 4.5)).toEqual([]);
    await page.close();
  });
});
