import { localImage } from '../images.js';
import { isRemoteImage } from '../../text/urls.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'image-missing',
  severity: 'error',
  description: { fr: "Chaque image locale existe dans le dossier du numéro", en: "Every local image exists in the issue's folder" },
  check({ issue }, report) {
    for (const image of issue.images) {
      if (image.src.trim() === '' || isRemoteImage(image.src)) continue;
      const local = localImage(issue, image.src);
      if (local.kind === 'missing') {
        report(image.position, {
          fr: `Image introuvable : ${image.src}. Placez le fichier dans images/ à côté de issue.md, ou corrigez son nom (majuscules comprises).`,
          en: `Image not found: ${image.src}. Put the file in images/ next to issue.md, or fix its name (case matters).`,
        });
      }
    }
  },
});
