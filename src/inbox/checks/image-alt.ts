import { defineCheck } from '../check.js';

export default defineCheck({
  id: 'inbox-image-alt',
  description: { fr: 'Chaque image du HTML a un attribut alt', en: 'Every image in the HTML has an alt attribute' },
  check(page, _input, report) {
    for (const element of page.elements) {
      if (element.name !== 'img') continue;
      const src = element.attributes.src ?? '';
      const name = src.split('/').pop() ?? src;
      if (element.attributes.alt === undefined) {
        report('error', element.offset, 'missingAlt', {
          fr: `L'image ${name} n'a pas d'attribut alt : les lecteurs d'écran liront son adresse, et les messageries qui bloquent les images n'afficheront rien. Ajoutez un alt dans le gabarit (templates/pvd/).`,
          en: `Image ${name} has no alt attribute: screen readers will read its address, and inboxes that block images will show nothing. Add an alt in the template (templates/pvd/).`,
        });
      } else if (element.attributes.alt.trim() === '' && element.parent?.name === 'a') {
        report('warning', element.offset, 'emptyLinkedAlt', {
          fr: `L'image ${name} est un lien mais son texte alternatif est vide : le lien n'a pas de nom pour les lecteurs d'écran. Décrivez l'image ou la destination du lien.`,
          en: `Image ${name} is a link but its alt text is empty: the link has no name for screen readers. Describe the image or where the link goes.`,
        });
      }
    }
  },
});
