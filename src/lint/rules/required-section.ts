import { defineRule } from '../rule.js';

export default defineRule({
  id: 'required-section',
  severity: 'error',
  description: { fr: 'Les rubriques obligatoires du gabarit sont présentes', en: "The template's required sections are present" },
  check({ issue, template }, report) {
    const present = new Set(issue.sections.map((section) => section.id));
    const end = { line: issue.source.split('\n').length, column: 1 };
    for (const entry of template.config.sections) {
      if (entry.required && !present.has(entry.id)) {
        report(end, {
          fr: `La rubrique obligatoire « ${entry.title} » manque : ajoutez une ligne « ## ${entry.title} » suivie de son contenu.`,
          en: `The required section "${entry.title}" is missing: add a "## ${entry.title}" line followed by its content.`,
        });
      }
    }
  },
});
