import { defineRule } from '../rule.js';

export default defineRule({
  id: 'section-order',
  severity: 'warning',
  description: { fr: "Les rubriques suivent l'ordre du catalogue, chacune une seule fois", en: "Sections follow the catalog's order, each once" },
  check({ issue, template }, report) {
    const catalog = template.config.sections;
    const seen = new Map<string, number>();
    let latest: { index: number; title: string } | undefined;
    for (const section of issue.sections) {
      const index = catalog.findIndex((entry) => entry.id === section.id);
      if (index === -1) continue; // unknown-section reports it
      const entry = catalog[index]!;
      const first = seen.get(entry.id);
      if (first !== undefined) {
        report(section.position, {
          fr: `La rubrique « ${entry.title} » apparaît une deuxième fois (déjà ligne ${first}) : regroupez son contenu sous un seul titre.`,
          en: `The section "${entry.title}" appears a second time (already on line ${first}): put its content under one heading.`,
        });
        continue;
      }
      seen.set(entry.id, section.position.line);
      if (latest && index < latest.index) {
        report(section.position, {
          fr: `La rubrique « ${entry.title} » vient avant « ${latest.title} » dans le gabarit : déplacez-la plus haut.`,
          en: `The section "${entry.title}" comes before "${latest.title}" in the template: move it up.`,
        });
      } else {
        latest = { index, title: entry.title };
      }
    }
  },
});
