import { validateFrontMatter } from '../../issue/front-matter-schema.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'front-matter',
  severity: 'error',
  description: { fr: "L'en-tête a toutes ses clés, avec le bon type, et aucune clé inconnue", en: 'The header has every key, with the right type, and no unknown key' },
  check({ issue }, report) {
    for (const problem of validateFrontMatter(issue.data, issue.keys, issue.file).problems) report(problem, problem.message);
  },
});
