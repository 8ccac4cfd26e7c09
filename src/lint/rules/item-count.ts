import { countOf } from '../../text/format.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'item-count',
  severity: 'error',
  description: { fr: "Chaque rubrique a le nombre d'articles (###) que prévoit le catalogue", en: 'Each section has as many items (###) as the catalog allows' },
  messages: {
    tooFew: {
      fr: 'La rubrique « {title} » a {count} ; il en faut au moins {min} : ouvrez chacun par un titre « ### ».',
      en: 'The section "{title}" has {count}; it needs at least {min}: start each with a "###" heading.',
    },
    tooMany: {
      fr: 'La rubrique « {title} » a {count} ; le gabarit en prévoit au plus {max} : {keep}.',
      en: 'The section "{title}" has {count}; the template allows at most {max}: {keep}.',
    },
  },
  create({ report }) {
    return {
      section(section) {
        const { entry } = section;
        if (!entry) return;
        const count = countOf(section.items.length, 'article', 'item');
        if (section.items.length < entry.min) {
          report({ at: section.position, messageId: 'tooFew', data: { title: entry.title, count, min: entry.min } });
        } else if (section.items.length > entry.max) {
          const keep = entry.max === 1
            ? { fr: 'gardez le plus important', en: 'keep the most important' }
            : { fr: `gardez les ${entry.max} plus importants`, en: `keep the ${entry.max} most important` };
          report({ at: section.items[entry.max]!.position, messageId: 'tooMany', data: { title: entry.title, count, max: entry.max, keep } });
        }
      },
    };
  },
});
