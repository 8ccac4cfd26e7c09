import { imageProblems, resolveImage } from '../../issue/publishable.js';
import { classifyUrl, isRemoteImage } from '../../text/urls.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'image-outside',
  severity: 'error',
  description: { fr: "Une image locale reste dans le dossier du numéro", en: "A local image stays inside the issue's folder" },
  messages: {
    outside: {
      fr: "L'image « {src} » est hors du dossier du numéro : copiez-la dans images/ et écrivez images/nom-du-fichier, ou donnez une adresse https://.",
      en: 'The image "{src}" is outside the issue\'s folder: copy it into images/ and write images/file-name, or give an https:// address.',
    },
    // Found by issue/publishable.ts, which build asks too: it refuses the picture with this rule off, in these words.
    hardLink: {
      fr: "« {src} » a plusieurs noms (c'est un lien physique) : ce peut être un fichier pris hors du dossier du numéro. Copiez l'image dans images/ au lieu de la lier.",
      en: '"{src}" has several names (it is a hard link): it may be a file from outside the issue\'s folder. Copy the picture into images/ instead of linking it.',
    },
  },
  create({ issue, template, report }) {
    return {
      image(image) {
        if (isRemoteImage(image.src)) return;
        const kind = classifyUrl(image.src);
        if (image.src.trim() === '' || kind === 'dangerous' || kind === 'other-scheme' || resolveImage(issue, image.src).kind === 'outside') {
          report({ at: image.position, messageId: 'outside', data: { src: image.src } });
        }
      },
      issue() {
        // A hard link is inside by its path, and may be any file by its content.
        for (const problem of imageProblems(issue, template)) {
          if (problem.rule === 'image-outside') report({ at: problem.image.position, messageId: problem.kind, data: problem.data });
        }
      },
    };
  },
});
