import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../helpers.js';

/**
 * The reference issue's wording that pvd deliberately changed, each with its reason.
 * Everything else in newsletter-042.txt must reach the reader word for word.
 */
export const DELIBERATE_REWRITES: Record<string, string> = {
  // Accessibility (descriptive link text, SPEC §5): the footer's « cliquez ici » became a link
  // that says where it goes.
  "pour vous inscrire a cette lettre d'information, cliquez ici": 'footer subscribe link text',
};

/** Lower case, no accents, one kind of quote and apostrophe, no-break spaces as spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘ʼ]/g, "'")
    .replace(/[«»“”"]/g, '"')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/\s*"\s*/g, '"')
    .trim();
}

/** The sentences of the reference export, its Markdown marks and lost links `(#)` removed. */
export function referenceSentences(): string[] {
  const raw = readFileSync(join(REPO, 'tests', 'fixtures', 'newsletter-042.txt'), 'utf8');
  const paragraphs = raw
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*/g, '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => line.replace(/^#+\s*/, '').replace(/\s*\|\s*$/, '').trim()).join(' ').trim())
    .filter((paragraph) => paragraph !== '');
  const sentences = paragraphs.flatMap((paragraph) => paragraph.split(/(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9«"👉©])/u));
  return sentences
    .map((sentence) => normalize(sentence).replace(/[.]$/, ''))
    .filter((sentence) => sentence.length > 1 && !(sentence in DELIBERATE_REWRITES));
}
