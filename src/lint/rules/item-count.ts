import { defineRule } from '../rule.js';

export default defineRule({
  id: 'item-count',
  severity: 'error',
  description: { fr: "Chaque rubrique a le nombre d'articles (###) que prévoit le catalogue", en: 'Each section has as many items (###) as the catalog allows' },
  check({ issue, template }, report) {
    for (const section of issue.sections) {
      const entry = template.config.sections.find((candidate) => candidate.id === section.id);
      if (!entry) continue;
      const count = section.items.length;
      // French puts 0 and 1 in the singular, English only 1.
      const items = (n: number, fr: boolean) => (fr ? `${n} article${n > 1 ? 's' : ''}` : `${n} item${n === 1 ? '' : 's'}`);
      if (count < entry.min) {
        report(section.position, {
          fr: `La rubrique « ${entry.title} » a ${items(count, true)} ; il en faut au moins ${entry.min} : ouvrez chacun par un titre « ### ».`,
          en: `The section "${entry.title}" has ${items(count, false)}; it needs at least ${entry.min}: start each with a "###" heading.`,
        });
      } else if (count > entry.max) {
        report(section.items[entry.max]!.position, {
          fr: `La rubrique « ${entry.title} » a ${items(count, true)} ; le gabarit en prévoit au plus ${entry.max} : ${entry.max === 1 ? 'gardez le plus important' : `gardez les ${entry.max} plus importants`}.`,
          en: `The section "${entry.title}" has ${items(count, false)}; the template allows at most ${entry.max}: ${entry.max === 1 ? 'keep the most important' : `keep the ${entry.max} most important`}.`,
        });
      }
    }
  },
});
