import { imageProblems } from '../../io/publishable.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'image-format',
  severity: 'error',
  description: { fr: "Chaque image locale est, d'après son contenu, un JPEG, un PNG ou un GIF lisible, nommé comme tel", en: 'Every local image is, by its content, a readable JPEG, PNG or GIF, named as such' },
  check({ issue, template }, report) {
    for (const problem of imageProblems(issue, template)) {
      if (problem.rule === 'image-format') report(problem.image.position, problem.message);
    }
  },
});
