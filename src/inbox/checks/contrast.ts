import { defineCheck } from '../check.js';
import { colorInBackground, contrastRatio, parseColor, toHex, type Rgb } from '../contrast.js';
import { isHidden, styleValue, type PageElement } from '../page.js';

/** WCAG AA for body text; pvd holds headings and buttons to it too. */
export const MIN_CONTRAST = 4.5;
const BROWSER_TEXT: Rgb = [0, 0, 0];
const BROWSER_BACKGROUND: Rgb = [255, 255, 255];

export default defineCheck({
  id: 'inbox-contrast',
  description: { fr: 'Le texte contraste d’au moins 4,5:1 avec son fond (WCAG)', en: 'Text contrasts at least 4.5:1 with its background (WCAG)' },
  check(page, _input, report) {
    const seen = new Set<string>();
    for (const element of page.elements) {
      if (element.text.trim() === '' || element.name === 'style' || element.name === 'title' || isHidden(element)) continue;
      const foreground = textColor(element);
      const background = backgroundColor(element);
      const ratio = contrastRatio(foreground, background);
      const pair = `${toHex(foreground)} / ${toHex(background)}`;
      if (ratio >= MIN_CONTRAST || seen.has(pair)) continue;
      seen.add(pair);
      const shown = ratio.toFixed(2);
      report('error', element.offset, 'lowContrast', {
        fr: `Texte ${toHex(foreground)} sur fond ${toHex(background)} : contraste ${shown.replace('.', ',')}:1, il faut au moins 4,5:1 pour être lisible (WCAG). Foncez le texte ou éclaircissez le fond dans template.yaml (colors) ou styles.css.`,
        en: `Text ${toHex(foreground)} on background ${toHex(background)}: contrast ${shown}:1, at least 4.5:1 is needed to be legible (WCAG). Darken the text or lighten the background in template.yaml (colors) or styles.css.`,
      });
    }
  },
});

/** `color` is inherited: the nearest ancestor that sets one (`inherit` passes it on). */
function textColor(element: PageElement): Rgb {
  for (let current: PageElement | undefined = element; current; current = current.parent) {
    const color = parseColor(styleValue(current, 'color'));
    if (color) return color;
  }
  return BROWSER_TEXT;
}

/** Backgrounds are painted, not inherited: the nearest ancestor with an opaque one. */
function backgroundColor(element: PageElement): Rgb {
  for (let current: PageElement | undefined = element; current; current = current.parent) {
    const color = parseColor(styleValue(current, 'background-color')) ?? colorInBackground(styleValue(current, 'background')) ?? parseColor(current.attributes.bgcolor);
    if (color) return color;
  }
  return BROWSER_BACKGROUND;
}
