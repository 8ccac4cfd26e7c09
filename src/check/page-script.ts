import { MONTHS } from '../text/dates.js';

/**
 * What runs inside the browser, evaluated into the email's page once it has loaded: the
 * two client behaviours a stylesheet cannot express (iOS's data detectors, a forced colour
 * inversion) and the measurements every check makes. Plain browser JavaScript, as the
 * preview's client is, so that the bundler never rewrites what the page runs. It defines
 * `window.__pvd`, marks what the template hides on purpose, and touches nothing else until called.
 */
export const PAGE_SCRIPT = String.raw`'use strict';
(() => {
  const SPACE = '[ \\u00a0]';
  const MONTHS = '${MONTHS.join('|')}';
  const DAYS = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';
  const HOUR = '\\d{1,2}' + SPACE + '?h(?:' + SPACE + '?\\d{2})?';
  // What iOS Mail turns into links: dates (with their day and hours), times, postal addresses, phone numbers.
  const DETECTED = new RegExp([
    '(?:(?:' + DAYS + ')' + SPACE + ')?\\d{1,2}(?:er)?' + SPACE + '(?:' + MONTHS + ')(?:' + SPACE + '\\d{4})?(?:' + SPACE + 'de' + SPACE + HOUR + '(?:' + SPACE + 'à' + SPACE + HOUR + ')?)?',
    '\\b' + HOUR + '\\b',
    '(?:TSA' + SPACE + '\\d{5}' + SPACE + '-' + SPACE + ')?\\b\\d{5}' + SPACE + '[A-ZÉÈ][\\p{L}-]+(?:' + SPACE + 'Cedex(?:' + SPACE + '\\d{2})?)?',
    '(?:\\+33' + SPACE + '?|\\b0)[1-9](?:[ .\\u00a0]?\\d{2}){4}\\b',
  ].join('|'), 'gu');

  const textNodes = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    return nodes;
  };

  /** iOS Mail: each date, time, address and phone number becomes a link with the system's colours. */
  const detectData = () => {
    let count = 0;
    for (const node of textNodes()) {
      if (node.parentElement.closest('a, style, title')) continue;
      const text = node.nodeValue;
      const matches = [...text.matchAll(DETECTED)];
      if (matches.length === 0) continue;
      const fragment = document.createDocumentFragment();
      let from = 0;
      for (const match of matches) {
        fragment.append(text.slice(from, match.index));
        const link = document.createElement('a');
        link.setAttribute('href', 'x-apple-data-detectors://' + count);
        link.setAttribute('x-apple-data-detectors', 'true');
        link.setAttribute('x-apple-data-detectors-result', String(count++));
        link.textContent = match[0];
        fragment.append(link);
        from = match.index + match[0].length;
      }
      fragment.append(text.slice(from));
      node.replaceWith(fragment);
    }
    return count;
  };

  const parse = (color) => {
    const parts = (color.match(/[\d.]+/g) || []).map(Number);
    return { r: parts[0] || 0, g: parts[1] || 0, b: parts[2] || 0, a: parts.length > 3 ? parts[3] : color.startsWith('rgb') ? 1 : 0 };
  };
  const hex = ({ r, g, b }) => '#' + [r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('');

  /** Lightness turned upside down, hue kept: how Gmail's apps and Outlook.com darken an email. */
  const invert = (color) => {
    const { r, g, b, a } = parse(color);
    const [red, green, blue] = [r / 255, g / 255, b / 255];
    const max = Math.max(red, green, blue);
    const min = Math.min(red, green, blue);
    const lightness = (max + min) / 2;
    const delta = max - min;
    const saturation = delta === 0 ? 0 : delta / (1 - Math.abs(2 * lightness - 1));
    let hue = 0;
    if (delta !== 0) hue = max === red ? ((green - blue) / delta) % 6 : max === green ? (blue - red) / delta + 2 : (red - green) / delta + 4;
    const inverted = 1 - lightness;
    const chroma = (1 - Math.abs(2 * inverted - 1)) * saturation;
    const x = chroma * (1 - Math.abs((hue % 2 + 2) % 2 - 1));
    const [r1, g1, b1] = hue < 1 ? [chroma, x, 0] : hue < 2 ? [x, chroma, 0] : hue < 3 ? [0, chroma, x] : hue < 4 ? [0, x, chroma] : hue < 5 ? [x, 0, chroma] : [chroma, 0, x];
    const m = inverted - chroma / 2;
    return 'rgba(' + [r1, g1, b1].map((channel) => Math.round((channel + m) * 255)).join(', ') + ', ' + a + ')';
  };

  const COLOURED = ['color', 'background-color', 'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color'];
  /** Every colour of the page inverted, pictures left as they are; all read before any is written. */
  const invertColours = () => {
    const elements = [document.body, ...document.body.querySelectorAll('*')];
    const computed = elements.map((element) => {
      const style = getComputedStyle(element);
      return COLOURED.map((property) => style.getPropertyValue(property));
    });
    elements.forEach((element, index) => {
      COLOURED.forEach((property, at) => {
        const value = computed[index][at];
        if (parse(value).a > 0) element.style.setProperty(property, invert(value), 'important');
      });
    });
    return elements.length;
  };

  const luminance = ({ r, g, b }) => {
    const channel = (value) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const blend = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
  const contrast = (one, two) => {
    const [light, dark] = [luminance(one), luminance(two)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
  };

  const refOf = (element) => {
    const marked = element.closest('[data-pvd]');
    return marked ? Number(marked.getAttribute('data-pvd')) : -1;
  };
  const excerpt = (element) => (element.textContent || element.getAttribute('alt') || '').replace(/\s+/g, ' ').trim().slice(0, 60);
  const about = (element) => ({ ref: refOf(element), tag: element.tagName.toLowerCase(), text: excerpt(element) });
  const BLOCKS = new Set(['block', 'list-item', 'table-cell', 'inline-block', 'flow-root', 'table-caption']);

  /** What a reader sees at this width: every problem the checks look for, with the element it is about. */
  const measure = ({ phone, minTextWidth, maxTextWidth, minContrast }) => {
    const findings = [];
    const width = document.documentElement.clientWidth;
    const styles = new Map();
    const style = (element) => {
      let found = styles.get(element);
      if (!found) styles.set(element, (found = getComputedStyle(element)));
      return found;
    };

    // Nothing scrolls sideways. Named: the first of the innermost elements reaching furthest
    // right (a table cell widens its whole column: the first such cell is where it starts).
    const excess = document.documentElement.scrollWidth - width;
    if (excess > 0) {
      const out = [...document.body.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > width + 0.5);
      const innermost = out.filter((element) => !out.some((other) => other !== element && element.contains(other)));
      const furthest = Math.max(...innermost.map((element) => element.getBoundingClientRect().right));
      const culprit = innermost.find((element) => element.getBoundingClientRect().right >= furthest - 0.5);
      if (culprit) findings.push({ rule: 'overflow', ...about(culprit), excess, right: Math.round(furthest) });
    }

    // Text the template hides on purpose is not the issue's: the preheader, written hidden
    // for every client (display:none with Outlook's mso-hide:all, the email idiom), and
    // [hidden] spacers. A display:none alone may be a rule of styles.css that juice
    // inlined onto the issue's own text: those words are counted, and reported.
    const hidden = [...document.querySelectorAll('[hidden], [data-pvd-hidden]')];
    const clips = new Map();
    const clipOf = (element) => {
      if (!element || element === document.body || element === document.documentElement) return { left: -Infinity, right: Infinity, top: -Infinity, bottom: Infinity };
      let clip = clips.get(element);
      if (clip) return clip;
      clip = { ...clipOf(element.parentElement) };
      const computed = style(element);
      if (computed.overflowX !== 'visible' || computed.overflowY !== 'visible') {
        const box = element.getBoundingClientRect();
        clip = { left: Math.max(clip.left, box.left), right: Math.min(clip.right, box.right), top: Math.max(clip.top, box.top), bottom: Math.min(clip.bottom, box.bottom) };
      }
      clips.set(element, clip);
      return clip;
    };
    const invisible = (element) => {
      for (let current = element; current; current = current.parentElement) {
        const computed = style(current);
        if (computed.visibility === 'hidden' || computed.visibility === 'collapse' || Number(computed.opacity) === 0) return true;
      }
      return parseFloat(style(element).fontSize) < 6;
    };

    const range = document.createRange();
    const hiddenWords = new Map();
    const blocks = new Map();
    const parents = new Set();
    for (const node of textNodes()) {
      const parent = node.parentElement;
      if (!/\S/.test(node.nodeValue) || parent.closest('head, style, title') || hidden.some((element) => element.contains(node))) continue;
      const unseen = invisible(parent);
      const clip = clipOf(parent);
      let block = parent;
      // Named by its block, or by the element that hides it (display:none has no block).
      while (block.parentElement && !BLOCKS.has(style(block).display) && style(block).display !== 'none') block = block.parentElement;
      const lines = blocks.get(block) || new Set();
      blocks.set(block, lines);
      let shown = 0;
      for (const word of node.nodeValue.matchAll(/\S+/g)) {
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const boxes = [...range.getClientRects()].filter((box) => box.width > 0.5 && box.height > 0.5);
        const seen = !unseen && boxes.length > 0 && boxes.every((box) => box.left >= Math.max(-0.5, clip.left - 0.5) && box.right <= Math.min(width + 0.5, clip.right + 0.5) && box.top >= clip.top - 0.5 && box.bottom <= clip.bottom + 0.5);
        if (seen) {
          shown++;
          for (const box of boxes) lines.add(Math.round(box.top + box.height / 2));
        } else {
          const entry = hiddenWords.get(block) || { words: [] };
          entry.words.push(word[0]);
          hiddenWords.set(block, entry);
        }
      }
      if (shown > 0) parents.add(parent);
    }
    for (const [block, entry] of hiddenWords) findings.push({ rule: 'hidden-text', ...about(block), words: entry.words.length, sample: entry.words.slice(0, 8).join(' ') });

    // No text wrapped into a column too narrow to read, nor into lines longer than the design's
    // (a column too wide is one problem, named by its first paragraph).
    const wide = [];
    for (const [block, lines] of blocks) {
      if (lines.size < 2) continue;
      const computed = style(block);
      const inner = Math.round(block.clientWidth - parseFloat(computed.paddingLeft) - parseFloat(computed.paddingRight));
      if (inner < minTextWidth) findings.push({ rule: 'narrow-text', ...about(block), width: inner, lines: lines.size });
      if (inner > maxTextWidth) wide.push({ block, inner });
    }
    if (wide.length > 0) findings.push({ rule: 'wide-text', ...about(wide[0].block), width: Math.max(...wide.map((entry) => entry.inner)), blocks: wide.length });

    // On a phone, a picture above or below its heading, never beside it.
    if (phone) {
      const pictures = [...document.images].filter((image) => image.getBoundingClientRect().width >= 100);
      const headings = [...document.querySelectorAll('h1, h2, h3')].filter((heading) => parents.has(heading) || [...parents].some((parent) => heading.contains(parent)));
      for (const heading of headings) {
        const box = heading.getBoundingClientRect();
        const beside = pictures.find((image) => {
          const picture = image.getBoundingClientRect();
          const overlap = Math.min(box.bottom, picture.bottom) - Math.max(box.top, picture.top);
          return overlap > 1 && (box.left >= picture.right - 1 || box.right <= picture.left + 1);
        });
        if (beside) findings.push({ rule: 'side-picture', ...about(heading), picture: excerpt(beside), pictureRef: refOf(beside) });
      }
    }

    // Every text at 4.5:1 against what is painted behind it, down to the page's own canvas.
    const probe = document.createElement('div');
    probe.style.cssText = 'background: Canvas; color: CanvasText';
    document.documentElement.append(probe);
    const canvas = { ...parse(getComputedStyle(probe).backgroundColor), a: 1 };
    probe.remove();
    for (const parent of parents) {
      const layers = [];
      for (let current = parent; current; current = current.parentElement) {
        const layer = parse(style(current).backgroundColor);
        if (layer.a > 0) layers.push(layer);
        if (layer.a >= 1) break;
      }
      const background = layers.reduceRight((below, layer) => blend(layer, below), canvas);
      const foreground = blend(parse(style(parent).color), background);
      const ratio = contrast(foreground, background);
      if (ratio < minContrast) findings.push({ rule: 'low-contrast', ...about(parent), color: hex(foreground), background: hex(background), ratio: Math.round(ratio * 100) / 100 });
    }
    return findings;
  };

  // Read from the style as written, before a step rewrites it (the browser drops mso-hide when it re-serialises a style).
  for (const element of document.querySelectorAll('[style]')) {
    const written = element.getAttribute('style');
    if (/display\s*:\s*none/i.test(written) && /mso-hide\s*:\s*all/i.test(written)) element.setAttribute('data-pvd-hidden', '');
  }
  window.__pvd = { detectData, invertColours, measure };
})();
`;
