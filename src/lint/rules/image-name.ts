import { imageProblems } from '../../issue/publishable.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'image-name',
  severity: 'error',
  description: { fr: "Deux images (ni une image et le logo) ne sont jamais publiées sous le même nom", en: 'No two pictures (nor a picture and the logo) are published under the same name' },
  // Found by issue/publishable.ts, which build asks too: it refuses these pictures with this rule off, in these words.
  messages: {
    sameName: {
      fr: "« {src} » serait publiée sous le même nom, {published}, {other} : l'une remplacerait l'autre. Renommez ce fichier.",
      en: '"{src}" would be published under the same name, {published}, {other}: one would replace the other. Rename this file.',
    },
  },
  create({ issue, template, report }) {
    return {
      issue() {
        for (const problem of imageProblems(issue, template)) {
          if (problem.rule === 'image-name') report({ at: problem.image.position, messageId: problem.kind, data: problem.data });
        }
      },
    };
  },
});
