import { resolveImage } from '../../issue/publishable.js';
import { isRemoteImage } from '../../text/urls.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'image-missing',
  severity: 'error',
  description: { fr: "Chaque image locale existe dans le dossier du numéro", en: "Every local image exists in the issue's folder" },
  messages: {
    wrongCase: {
      fr: "Image introuvable sur le serveur : {src}. Le fichier s'écrit « {onDisk} » : le serveur web distingue les majuscules, écrivez exactement ce nom.",
      en: 'Image not found on the web server: {src}. The file is spelt "{onDisk}": web servers tell capitals apart, write that very name.',
    },
    missing: {
      fr: 'Image introuvable : {src}. Placez le fichier dans images/ à côté de issue.md, ou corrigez son nom (majuscules comprises).',
      en: 'Image not found: {src}. Put the file in images/ next to issue.md, or fix its name (case matters).',
    },
  },
  create({ issue, report }) {
    return {
      image(image) {
        if (image.src.trim() === '' || isRemoteImage(image.src)) return;
        const local = resolveImage(issue, image.src);
        if (local.kind !== 'missing') return;
        if (local.onDisk !== undefined) report({ at: image.position, messageId: 'wrongCase', data: { src: image.src, onDisk: local.onDisk } });
        else report({ at: image.position, messageId: 'missing', data: { src: image.src } });
      },
    };
  },
});
