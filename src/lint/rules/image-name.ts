import { imageProblems } from '../../io/publishable.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'image-name',
  severity: 'error',
  description: { fr: "Deux images (ni une image et le logo) ne sont jamais publiées sous le même nom", en: 'No two pictures (nor a picture and the logo) are published under the same name' },
  check({ issue, template }, report) {
    for (const problem of imageProblems(issue, template)) {
      if (problem.rule === 'image-name') report(problem.image.position, problem.message);
    }
  },
});
