import { suggestCatalogTitle } from '../../template/catalog.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'unknown-section',
  severity: 'error',
  description: { fr: 'Chaque rubrique (##) figure au catalogue du gabarit', en: "Every section (##) is in the template's catalog" },
  messages: {
    unknownId: {
      fr: "L'identifiant {#{id}} ne correspond à aucune rubrique : identifiants connus : {ids}.",
      en: 'The id {#{id}} matches no section: known ids are {ids}.',
    },
    didYouMean: {
      fr: 'Rubrique inconnue « {title} » : vouliez-vous dire « {suggestion} » ?',
      en: 'Unknown section "{title}": did you mean "{suggestion}"?',
    },
    unknown: {
      fr: 'Rubrique inconnue « {title} » : les rubriques du gabarit sont {titles}.',
      en: 'Unknown section "{title}": the template\'s sections are {titles}.',
    },
  },
  create({ template, report }) {
    const catalog = template.config.sections;
    return {
      section(section) {
        if (section.entry) return;
        if (section.explicitId !== undefined) {
          return report({ at: section.position, messageId: 'unknownId', data: { id: section.explicitId, ids: catalog.map((entry) => entry.id).join(', ') } });
        }
        const suggestion = suggestCatalogTitle(catalog, section.title);
        if (suggestion) return report({ at: section.position, messageId: 'didYouMean', data: { title: section.title, suggestion } });
        report({
          at: section.position, messageId: 'unknown',
          data: { title: section.title, titles: { fr: catalog.map((entry) => `« ${entry.title} »`).join(', '), en: catalog.map((entry) => `"${entry.title}"`).join(', ') } },
        });
      },
    };
  },
});
