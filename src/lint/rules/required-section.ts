import { defineRule } from '../rule.js';

export default defineRule({
  id: 'required-section',
  severity: 'error',
  description: { fr: 'Les rubriques obligatoires du gabarit sont présentes', en: "The template's required sections are present" },
  messages: {
    missing: {
      fr: 'La rubrique obligatoire « {title} » manque : ajoutez une ligne « ## {title} » suivie de son contenu.',
      en: 'The required section "{title}" is missing: add a "## {title}" line followed by its content.',
    },
  },
  create({ template, lines, report }) {
    const present = new Set<string>();
    return {
      section(section) {
        if (section.entry) present.add(section.entry.id);
      },
      'issue:exit'() {
        const end = { line: lines.lineCount, column: 1 };
        for (const entry of template.config.sections) {
          if (entry.required && !present.has(entry.id)) report({ at: end, messageId: 'missing', data: { title: entry.title } });
        }
      },
    };
  },
});
