import { imageProblems } from '../../issue/publishable.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'image-name',
  severity: 'error',
  description: { fr: "Deux images (ni une image et le logo) ne sont jamais publiées sous le même nom", en: 'No two pictures (nor a picture and the logo) are published under the same name' },
  // The problem's own words, said by issue/publishable.ts for lint and build alike.
  messages: { sameName: { fr: '{text}', en: '{text}' } },
  create({ issue, template, report }) {
    return {
      issue() {
        for (const problem of imageProblems(issue, template)) {
          if (problem.rule === 'image-name') report({ at: problem.image.position, messageId: problem.kind, data: { text: problem.message } });
        }
      },
    };
  },
});
