import { imageProblems, type ImageProblem } from '../../issue/publishable.js';
import { defineRule } from '../rule.js';

/** The problem's own words, located and set: issue/publishable.ts says them for lint and build alike. */
const SAID = { fr: '{text}', en: '{text}' };

export default defineRule({
  id: 'image-format',
  severity: 'error',
  description: { fr: "Chaque image locale est, d'après son contenu, un JPEG, un PNG ou un GIF lisible, nommé comme tel", en: 'Every local image is, by its content, a readable JPEG, PNG or GIF, named as such' },
  messages: { notAFile: SAID, unreadable: SAID, notAnImage: SAID, notWellFormed: SAID, wrongExtension: SAID } satisfies Partial<Record<ImageProblem['kind'], unknown>>,
  create({ issue, template, report }) {
    return {
      issue() {
        for (const problem of imageProblems(issue, template)) {
          if (problem.rule === 'image-format') report({ at: problem.image.position, messageId: problem.kind, data: { text: problem.message } });
        }
      },
    };
  },
});
