import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeProject, runPvd } from '../helpers.js';

let html: string;

beforeAll(() => {
  const root = makeProject();
  expect(runPvd(['build', '42'], { cwd: root }).code).toBe(0);
  html = readFileSync(join(root, 'out', '042', 'index.html'), 'utf8');
});

describe('the email HTML of #42', () => {
  it('stays under 60 KB, far from Gmail clipping at 102 KB', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(60 * 1024);
  });

  it('has the head an email needs', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toMatch(/<html lang="fr"/);
    expect(html).toMatch(/<meta charset="utf-8">/);
    expect(html).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1">/);
    expect(html).toMatch(/<meta name="color-scheme" content="light dark">/);
    expect(html).toContain('<title>Rencontres PACA, baromètre AFL et agenda de janvier</title>');
  });

  it('hides the preheader, padded so the inbox shows nothing after it', () => {
    const preheader = /<div class="preheader" style="([^"]*)">([^<]*)<\/div>/.exec(html);
    expect(preheader?.[1]).toContain('display:none');
    expect(preheader?.[2]).toMatch(/^Ce mois-ci\u00a0: retour sur les rencontres/);
    expect(preheader?.[2]).toContain('&#847;&zwnj;&nbsp;'.repeat(50));
  });

  it('inlines every style but keeps @media rules and the client resets in <style>, and links no stylesheet', () => {
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    // The <style> outside Outlook's conditional comment.
    const styleBlocks = [...html.replace(/<!--[\s\S]*?-->/g, (comment) => (comment.includes('juice') ? comment : '')).matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]!);
    expect(styleBlocks).toHaveLength(1);
    expect(styleBlocks.join('')).toContain('@media only screen and (max-width: 599px)');
    expect(styleBlocks.join('')).toContain('@media (prefers-color-scheme: dark)');
    // Outside @media, only what no inline style can say is left to a <style> block that some
    // clients strip: the colour schemes, and the resets of the links clients add themselves.
    const outsideMedia = styleBlocks.join('').replace(/@media[^{]+\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
    const selectors = [...outsideMedia.matchAll(/([^{}]+)\{[^{}]*\}/g)].map((match) => match[1]!.replace(/\s+/g, ' ').trim());
    expect(selectors).toEqual([':root', 'a[x-apple-data-detectors], .x-gmail-data-detectors, .x-gmail-data-detectors *, .aBn', 'u + #body a, #MessageViewBody a']);
    expect(html).toMatch(/<div class="container" style="[^"]*font-family: Arial/);
    expect(html).toMatch(/<h2 style="[^"]*color: #000091/);
  });

  it('lays out with presentation tables in a 600 px column, with Outlook fallbacks', () => {
    // The limit is a div's max-width (Apple Mail for iOS ignores it on a table), a fixed table for Outlook.
    expect(html).toMatch(/<div class="container" style="[^"]*max-width: 600px/);
    expect(html).toContain('<!--[if mso]><table role="presentation" width="600" align="center"');
    expect([...html.matchAll(/<table(?![^>]*role="presentation")/g)]).toHaveLength(0);
  });

  it('has bulletproof buttons: a coloured cell, a padded link, Outlook spacers', () => {
    const buttons = [...html.matchAll(/<td class="button-cell"[^>]*bgcolor="#000091"[^>]*>\s*<a href="([^"]+)" class="button" style="([^"]*)"/g)];
    expect(buttons.length).toBeGreaterThanOrEqual(5);
    expect(buttons[0]![2]).toContain('padding: 12px 22px');
    expect(buttons[0]![2]).toContain('mso-padding-alt: 0');
    expect(html).toContain('<!--[if mso]><i style="mso-font-width:150%;mso-text-raise:24pt" hidden>');
  });

  it('gives every image alt text, an https URL under the public base, a size and display:block', () => {
    const images = [...html.matchAll(/<img [^>]*>/g)].map((match) => match[0]);
    expect(images.length).toBeGreaterThanOrEqual(10);
    for (const image of images) {
      expect(image).toMatch(/ alt="[^"]{10,}"/);
      expect(image).toMatch(/ src="https:\/\/agence-cohesion-territoires\.gouv\.fr\/lettre-pvd\/042\/images\/[^"]+"/);
      expect(image).toMatch(/ width="\d+"/);
      expect(image).toMatch(/ height="\d+"/);
      expect(image).toMatch(/display: ?block/);
    }
  });

  it('applies French typography: no-break spaces before : ; ! ? » and after «, none inside 84 %', () => {
    expect(html).toContain('fin d’année\u00a0!'.replace('’', "'"));
    expect(html).toContain('«\u00a0Les petites villes offrent la meilleure qualité de vie\u00a0»');
    expect(html).toContain('84\u00a0%');
    expect(html).toContain('4430 aides'); // the source writes 4430; digits are not regrouped
    const text = html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, '');
    expect(text).not.toMatch(/ [:;!?»]/);
  });

  it('is valid HTML under a configuration suited to email', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Email HTML needs what the web has deprecated: inline styles, table attributes,
        // Outlook's conditional comments and role="presentation" tables.
        'no-inline-style': 'off',
        'no-deprecated-attr': 'off',
        'no-conditional-comment': 'off',
        'prefer-native-element': 'off',
        'wcag/h63': 'off',
        'doctype-style': 'off',
        'attribute-boolean-style': 'off',
        'no-trailing-whitespace': 'off',
        'long-title': 'off',
        // <tbody> is implicit in HTML5 (valid without it) and every byte counts against clipping.
        'prefer-tbody': 'off',
      },
    });
    const report = await validator.validateString(html);
    const errors = report.results.flatMap((result) => result.messages).filter((message) => message.severity === 2);
    expect(errors.map((error) => `${error.line}:${error.column} ${error.ruleId} ${error.message}`)).toEqual([]);
  });
});
