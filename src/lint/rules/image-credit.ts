import { normalizeTitle } from '../../template/catalog.js';
import { creditName } from '../../text/credits.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'image-credit',
  severity: 'error',
  description: { fr: "Chaque photo a un crédit, repris dans la liste « credits » de l'en-tête", en: "Every photo has a credit, listed in the header's \"credits\"" },
  messages: {
    missing: {
      fr: `La photo « {src} » n'a pas de crédit : ajoutez-le entre guillemets après le chemin, ![…]({src} "© Nom de l'auteur").`,
      en: `The photo "{src}" has no credit: add it in quotes after the path, ![…]({src} "© Author's name").`,
    },
    notListed: {
      fr: "Le crédit « {name} » n'est pas dans la liste « credits » de l'en-tête : ajoutez-le pour qu'il figure au pied de la lettre.",
      en: 'The credit "{name}" is not in the header\'s "credits" list: add it so that it appears in the footer.',
    },
  },
  create({ issue, report }) {
    // A list front-matter refuses (an entry that is not a text) is not judged here as well.
    const { credits } = issue.data;
    const listed = Array.isArray(credits) && credits.every((credit) => typeof credit === 'string') ? credits : undefined;
    const known = new Set(listed?.map((credit) => normalizeTitle(creditName(credit))));
    return {
      image(image) {
        const name = creditName(image.credit ?? '');
        if (name === '') report({ at: image.position, messageId: 'missing', data: { src: image.src } });
        else if (listed && !known.has(normalizeTitle(name))) report({ at: image.position, messageId: 'notListed', data: { name } });
      },
    };
  },
});
