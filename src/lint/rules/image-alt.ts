import { defineRule } from '../rule.js';

export default defineRule({
  id: 'image-alt',
  severity: 'error',
  description: { fr: 'Chaque image a un texte alternatif', en: 'Every image has alt text' },
  messages: {
    missing: {
      fr: "L'image n'a pas de texte alternatif : décrivez-la entre les crochets, ![Ce que montre la photo](…).",
      en: 'Image has no alt text: describe it between the brackets, ![What the photo shows](…).',
    },
  },
  create({ report }) {
    return {
      image(image) {
        if (!image.alt.trim()) report({ at: image.position, messageId: 'missing' });
      },
    };
  },
});
