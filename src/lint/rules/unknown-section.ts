import { suggestCatalogTitle } from '../../template/catalog.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'unknown-section',
  severity: 'error',
  description: { fr: 'Chaque rubrique (##) figure au catalogue du gabarit', en: "Every section (##) is in the template's catalog" },
  check({ issue, template }, report) {
    const catalog = template.config.sections;
    for (const section of issue.sections) {
      if (section.id !== undefined) continue;
      if (section.explicitId !== undefined) {
        report(section.position, {
          fr: `L'identifiant {#${section.explicitId}} ne correspond à aucune rubrique : identifiants connus : ${catalog.map((entry) => entry.id).join(', ')}.`,
          en: `The id {#${section.explicitId}} matches no section: known ids are ${catalog.map((entry) => entry.id).join(', ')}.`,
        });
        continue;
      }
      const suggestion = suggestCatalogTitle(catalog, section.title);
      report(section.position, suggestion
        ? { fr: `Rubrique inconnue « ${section.title} » : vouliez-vous dire « ${suggestion} » ?`, en: `Unknown section "${section.title}": did you mean "${suggestion}"?` }
        : { fr: `Rubrique inconnue « ${section.title} » : les rubriques du gabarit sont ${catalog.map((entry) => `« ${entry.title} »`).join(', ')}.`, en: `Unknown section "${section.title}": the template's sections are ${catalog.map((entry) => `"${entry.title}"`).join(', ')}.` });
    }
  },
});
