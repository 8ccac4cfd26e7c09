import { placeholderSeverity } from '../header.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'image-https',
  severity: 'error',
  description: { fr: 'Une image en ligne a une adresse https:// : erreur dans un numéro prêt, avertissement dans un brouillon', en: 'A remote image has an https:// address: an error in a ready issue, a warning in a draft' },
  messages: {
    plainHttp: {
      fr: "L'image « {src} » est en http:// : les messageries la bloquent ou l'affichent « non sécurisée ». Donnez son adresse https://, ou copiez-la dans images/.",
      en: 'The image "{src}" uses http://: mail clients block it or flag it as insecure. Give its https:// address, or copy it into images/.',
    },
  },
  create({ issue, report }) {
    const severity = placeholderSeverity(issue);
    return {
      image(image) {
        if (/^http:\/\//i.test(image.src.trim())) report({ at: image.position, messageId: 'plainHttp', data: { src: image.src }, severity });
      },
    };
  },
});
