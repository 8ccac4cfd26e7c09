import { localImages } from '../../io/publishable.js';
import { placeholderSeverity } from '../header.js';
import { defineRule } from '../rule.js';
import { imageSlots } from '../walk.js';

export const MAX_IMAGE_BYTES = 300 * 1024;
/** Past this, a picture is no longer a heavy email but a broken one (slow, clipped, refused by some servers): an error once the issue is ready. */
export const HARD_LIMIT_BYTES = 1024 * 1024;
/** Sharp on high-density screens: at least 1.5 pixels of image per pixel of display. */
export const MIN_DENSITY = 1.5;
const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)}`;
const megabytes = (bytes: number, decimal: string) => (bytes / (1024 * 1024)).toFixed(1).replace('.', decimal);

export default defineRule({
  id: 'image-weight',
  severity: 'warning',
  description: { fr: 'Chaque image pèse au plus 300 Ko (1 Mo au plus dans un numéro prêt) et reste nette (1,5 × sa largeur affichée)', en: 'Every image weighs at most 300 KB (1 MB at most in a ready issue) and stays sharp (1.5 × its display width)' },
  check({ issue, template }, report) {
    const locals = localImages(issue, template);
    if (locals.length === 0) return;
    const slots = imageSlots(issue, template.config.sections);
    const seen = new Set<string>();
    for (const { image, path, read } of locals) {
      // image-format reports what is not a readable JPEG, PNG or GIF.
      if (!read.ok || !read.facts.format) continue;
      const slot = slots.get(image)!;
      const key = `${path}@${slot}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { facts } = read;
      const width = Math.round(slot * MIN_DENSITY);
      if (facts.bytes > HARD_LIMIT_BYTES) {
        report(image.position, {
          fr: `L'image ${image.src} pèse ${megabytes(facts.bytes, ',')} Mo, au-delà de la limite de 1 Mo : réduisez-la à 300 Ko au plus (JPEG qualité 80, ${width} px de large suffisent).`,
          en: `The image ${image.src} weighs ${megabytes(facts.bytes, '.')} MB, over the 1 MB limit: reduce it to 300 KB at most (JPEG quality 80, ${width} px wide is enough).`,
        }, { severity: placeholderSeverity(issue) });
      } else if (facts.bytes > MAX_IMAGE_BYTES) {
        report(image.position, {
          fr: `L'image ${image.src} pèse ${kilobytes(facts.bytes)} Ko (plus de 300 Ko) : réduisez-la (JPEG qualité 80, ${width} px de large suffisent) pour que la lettre s'ouvre vite.`,
          en: `The image ${image.src} weighs ${kilobytes(facts.bytes)} KB (over 300 KB): shrink it (JPEG quality 80, ${width} px wide is enough) so that the email opens fast.`,
        });
      }
      if (!facts.size) {
        report(image.position, {
          fr: `Impossible de lire les dimensions de ${image.src} : le fichier est abîmé. Réenregistrez-le en JPEG ou PNG.`,
          en: `Cannot read the dimensions of ${image.src}: the file is damaged. Save it again as JPEG or PNG.`,
        });
        continue;
      }
      const needed = Math.ceil(slot * MIN_DENSITY);
      if (facts.size.width < needed) {
        report(image.position, {
          fr: `L'image ${image.src} fait ${facts.size.width} px de large pour un emplacement de ${slot} px : elle sera floue sur les écrans haute densité. Fournissez-en une d'au moins ${needed} px de large.`,
          en: `The image ${image.src} is ${facts.size.width} px wide for a ${slot} px slot: it will look blurred on high-density screens. Provide one at least ${needed} px wide.`,
        });
      }
    }
  },
});
