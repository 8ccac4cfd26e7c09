import type { Message } from '../../i18n/lang.js';
import { imageProblems, type ImageProblem } from '../../issue/publishable.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'image-format',
  severity: 'error',
  description: { fr: "Chaque image locale est, d'après son contenu, un JPEG, un PNG ou un GIF lisible, nommé comme tel", en: 'Every local image is, by its content, a readable JPEG, PNG or GIF, named as such' },
  // Found by issue/publishable.ts, which build asks too: it refuses these pictures with this rule off, in these words.
  messages: {
    notAFile: {
      fr: "« {src} » n'est pas un fichier image (c'est un dossier, ou un fichier spécial) : mettez à sa place la photo en JPEG, PNG ou GIF.",
      en: '"{src}" is not an image file (it is a folder, or a special file): put the photo there as JPEG, PNG or GIF.',
    },
    unreadable: {
      fr: "Impossible de lire l'image « {src} » ({why}) : vérifiez que vous avez le droit de la lire, ou réenregistrez-la.",
      en: 'Cannot read the picture "{src}" ({why}): check you may read it, or save it again.',
    },
    notAnImage: {
      fr: "« {src} » n'est pas une image JPEG, PNG ou GIF (d'après son contenu, c'est {what}) : pvd ne la publie pas. Enregistrez-la en JPEG ou PNG depuis un logiciel de retouche.",
      en: '"{src}" is not a JPEG, PNG or GIF picture (by its content, it is {what}): pvd does not publish it. Save it as JPEG or PNG from a picture editor.',
    },
    notWellFormed: {
      fr: "« {src} » commence comme une image {format} mais n'en est pas une jusqu'au bout (fichier tronqué, abîmé, ou autre chose déguisé en image{tooLarge}) : pvd ne la publie pas. Réenregistrez-la en JPEG ou PNG depuis un logiciel de retouche.",
      en: '"{src}" starts as a {format} picture but is not one to the end (truncated, damaged, or something else dressed as a picture{tooLarge}): pvd does not publish it. Save it again as JPEG or PNG from a picture editor.',
    },
    wrongExtension: {
      fr: "« {src} » est une image {format}, mais son nom ne finit pas par .{extension} : un serveur web l'enverrait comme {servedAs}. Renommez-la {renamed}.",
      en: '"{src}" is a {format} picture, but its name does not end in .{extension}: a web server would send it as {servedAs}. Rename it {renamed}.',
    },
  } satisfies Partial<Record<ImageProblem['kind'], Message>>,
  create({ issue, template, report }) {
    return {
      issue() {
        for (const problem of imageProblems(issue, template)) {
          if (problem.rule === 'image-format') report({ at: problem.image.position, messageId: problem.kind, data: problem.data });
        }
      },
    };
  },
});
