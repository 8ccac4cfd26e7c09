import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, hasChromium, launchChromium, makeProject, runPvd } from '../helpers.js';
import { DELIBERATE_REWRITES, normalize, referenceSentences } from './reference.js';

// Every sentence of issue #42 as sent in December 2024 reaches the reader, in both parts.
let root: string;
let text: string;
let html: string;

beforeAll(() => {
  root = makeProject();
  const build = runPvd(['build', '42'], { cwd: root });
  expect(build.stderr).toBe('');
  expect(build.code).toBe(0);
  text = readFileSync(join(root, 'out', '042', 'index.txt'), 'utf8');
  html = readFileSync(join(root, 'out', '042', 'index.html'), 'utf8');
});

const sentences = referenceSentences();

describe('the reference issue, sentence by sentence', () => {
  it('has the sentences this test expects to find', () => {
    expect(sentences.length).toBeGreaterThan(80);
    expect(sentences).toContain('% des francaises et francais pensent que"les petites villes offrent la meilleure qualite de vie"(barometre"regard des francais")');
    expect(sentences).toContain('directeur de publication : stanislas bourron');
    expect(Object.keys(DELIBERATE_REWRITES)).toHaveLength(5);
  });

  it('appears whole in index.txt, once unwrapped and with the links\' reference markers set aside', () => {
    // The plaintext gives each link as `label [n]`, and lists `[n] url` after the section.
    const plain = normalize(text.replace(/\u00a0\[\d+\]/g, '').replace(/^\[\d+\] \S+$/gm, ''));
    expect(text).toMatch(/sélection d'articles de presse\u00a0\[2\]/);
    expect(text).toMatch(/^\[2\] https:\/\/agence-cohesion-territoires\.gouv\.fr\/petites-villes-de-demain-45\?utm_source=/m);
    const missing = sentences.filter((sentence) => !plain.includes(sentence));
    expect(missing).toEqual([]);
  });

  describe.skipIf(!hasChromium)('in the text a reader sees in the HTML', () => {
    if (!hasChromium) console.warn(chromiumSkipReason());
    let seen = '';
    beforeAll(async () => {
      const browser = await launchChromium();
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'domcontentloaded' });
      seen = normalize(await page.evaluate(() => document.body.innerText));
      await browser.close();
    });

    it('appears whole', () => {
      const missing = sentences.filter((sentence) => !seen.includes(sentence));
      expect(missing).toEqual([]);
    });
  });
});
