import { defineRule } from '../rule.js';

export default defineRule({
  id: 'image-alt',
  severity: 'error',
  description: { fr: 'Chaque image a un texte alternatif', en: 'Every image has alt text' },
  check({ issue }, report) {
    for (const image of issue.images) {
      if (!image.alt.trim()) {
        report(image.position, {
          fr: "L'image n'a pas de texte alternatif : décrivez-la entre les crochets, ![Ce que montre la photo](…).",
          en: 'Image has no alt text: describe it between the brackets, ![What the photo shows](…).',
        });
      }
    }
  },
});
