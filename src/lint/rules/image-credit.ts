import { normalizeTitle } from '../../template/catalog.js';
import { defineRule } from '../rule.js';

/** "© ANCT", "(c) ANCT", "Crédit photo : ANCT" → "ANCT": the footer lists names, not symbols. */
export function creditName(credit: string): string {
  return credit.trim().replace(/^(?:©|\(c\)|cr[ée]dits?(?:\s+photos?)?\s*:|photos?\s*:)\s*/i, '').trim();
}

export default defineRule({
  id: 'image-credit',
  severity: 'error',
  description: { fr: "Chaque photo a un crédit, repris dans la liste « credits » de l'en-tête", en: "Every photo has a credit, listed in the header's \"credits\"" },
  check({ issue }, report) {
    const listed = Array.isArray(issue.data.credits) ? issue.data.credits.filter((credit): credit is string => typeof credit === 'string') : undefined;
    const known = new Set(listed?.map((credit) => normalizeTitle(creditName(credit))));
    for (const image of issue.images) {
      const name = creditName(image.credit ?? '');
      if (name === '') {
        report(image.position, {
          fr: `La photo « ${image.src} » n'a pas de crédit : ajoutez-le entre guillemets après le chemin, ![…](${image.src} "© Nom de l'auteur").`,
          en: `The photo "${image.src}" has no credit: add it in quotes after the path, ![…](${image.src} "© Author's name").`,
        });
      } else if (listed && !known.has(normalizeTitle(name))) {
        report(image.position, {
          fr: `Le crédit « ${name} » n'est pas dans la liste « credits » de l'en-tête : ajoutez-le pour qu'il figure au pied de la lettre.`,
          en: `The credit "${name}" is not in the header's "credits" list: add it so that it appears in the footer.`,
        });
      }
    }
  },
});
