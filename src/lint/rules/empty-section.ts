import { defineRule } from '../rule.js';

export default defineRule({
  id: 'empty-section',
  severity: 'error',
  description: { fr: 'Aucune rubrique ni aucun article (###) ne reste vide', en: 'No section or item (###) is left empty' },
  check({ issue, template }, report) {
    for (const section of issue.sections) {
      const entry = template.config.sections.find((candidate) => candidate.id === section.id);
      const title = entry?.title ?? section.title;
      if (entry?.kind === 'figure' && !section.figure) {
        report(section.position, {
          fr: `La rubrique « ${title} » n'a pas son chiffre : écrivez-le seul sur la première ligne sous le titre (par exemple « 84 % »), puis sa légende.`,
          en: `The section "${title}" has no figure: write it alone on the first line under the heading (for instance "84 %"), then its caption.`,
        });
      } else if (!section.figure && section.blocks.length === 0 && section.items.length === 0) {
        report(section.position, {
          fr: `La rubrique « ${title} » est vide : écrivez son contenu sous le titre, ou supprimez-la.`,
          en: `The section "${title}" is empty: write its content under the heading, or remove it.`,
        });
      }
      for (const item of section.items) {
        if (item.blocks.length > 0) continue;
        report(item.position, {
          fr: `L'article « ${item.titleText} » n'a pas de contenu : écrivez au moins un paragraphe sous son titre ###.`,
          en: `The item "${item.titleText}" has no content: write at least one paragraph under its ### heading.`,
        });
      }
    }
  },
});
