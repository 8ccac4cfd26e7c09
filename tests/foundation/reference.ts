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
  // House style (the house-style rule, template.yaml's style list): the names as their owners write them.
  "la rencontre regionale provence- alpes-cote d'azur a manosque": 'house style: Provence-Alpes-Côte d’Azur',
  'organisees le 12 decembre sur le theme"la qualite d\'habiter", les rencontres regionales paca ont suivi celles organisees en auvergne-rhone-alpes et en nouvelle aquitaine': 'house style: Nouvelle-Aquitaine',
  "desireuse de soutenir les 4 communes pvd et les autres villes de l'epci dans la reconquete de leur centralite, commentry montmarault neris communaute a engage une etude de revitalisation des centres bourgs garantissant egalement une approche a l'echelle intercommunale": 'house style: centres-bourgs',
  "plateforme aide territoires : 4430 aides recensees par 1133 porteurs d'aides dont 63 programmes d'aides nationaux": 'house style: Aides-territoires',
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
