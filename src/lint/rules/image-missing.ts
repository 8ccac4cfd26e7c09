import { isRemoteImage } from '../../text/urls.js';
import { localImage } from '../images.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'image-missing',
  severity: 'error',
  description: { fr: "Chaque image locale existe dans le dossier du numéro", en: "Every local image exists in the issue's folder" },
  messages: {
    missing: {
      fr: 'Image introuvable : {src}. Placez le fichier dans images/ à côté de issue.md, ou corrigez son nom (majuscules comprises).',
      en: 'Image not found: {src}. Put the file in images/ next to issue.md, or fix its name (case matters).',
    },
  },
  create({ issue, report }) {
    return {
      image(image) {
        if (image.src.trim() === '' || isRemoteImage(image.src)) return;
        if (localImage(issue, image.src).kind === 'missing') report({ at: image.position, messageId: 'missing', data: { src: image.src } });
      },
    };
  },
});
