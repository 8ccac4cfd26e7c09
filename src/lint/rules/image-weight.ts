import { readImageFacts, type ImageFacts } from '../../io/image-facts.js';
import { localImage } from '../images.js';
import { widestDisplay } from '../../render/slots.js';
import { isRemoteImage } from '../../text/urls.js';
import { defineRule } from '../rule.js';
import { imageSlots } from '../walk.js';

export const MAX_IMAGE_BYTES = 300 * 1024;
/** Sharp on high-density screens: at least 1.5 pixels of image per pixel of display. */
export const MIN_DENSITY = 1.5;
/** Formats every mail client shows; WebP, SVG and others are missing from Outlook or Gmail. */
const EMAIL_FORMATS = new Set(['jpg', 'png', 'gif']);
const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)}`;

export default defineRule({
  id: 'image-weight',
  severity: 'warning',
  description: { fr: 'Chaque image pèse au plus 300 Ko et reste nette (1,5 × sa plus grande largeur affichée)', en: 'Every image weighs at most 300 KB and stays sharp (1.5 × its widest display)' },
  check({ issue, template }, report) {
    if (issue.images.length === 0) return;
    const slots = imageSlots(issue, template.config.sections);
    const seen = new Set<string>();
    for (const image of issue.images) {
      if (isRemoteImage(image.src) || image.src.trim() === '') continue;
      const local = localImage(issue, image.src);
      if (local.kind !== 'inside') continue; // image-missing and image-outside report these
      // Judged where it is shown widest: a card's picture spans the column on a phone.
      const slot = widestDisplay(slots.get(image)!);
      const key = `${local.path}@${slot}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let facts: ImageFacts;
      try {
        facts = readImageFacts(local.path);
      } catch {
        continue; // a folder named like an image, or unreadable: the build says so
      }
      if (facts.bytes > MAX_IMAGE_BYTES) {
        report(image.position, {
          fr: `L'image ${image.src} pèse ${kilobytes(facts.bytes)} Ko (plus de 300 Ko) : réduisez-la (JPEG qualité 80, ${Math.round(slot * MIN_DENSITY)} px de large suffisent) pour que la lettre s'ouvre vite.`,
          en: `The image ${image.src} weighs ${kilobytes(facts.bytes)} KB (over 300 KB): shrink it (JPEG quality 80, ${Math.round(slot * MIN_DENSITY)} px wide is enough) so that the email opens fast.`,
        });
      }
      if (!facts.size) {
        report(image.position, {
          fr: `Impossible de lire les dimensions de ${image.src} : le fichier est abîmé ou n'est pas une image. Réenregistrez-le en JPEG ou PNG.`,
          en: `Cannot read the dimensions of ${image.src}: the file is damaged or not an image. Save it again as JPEG or PNG.`,
        });
        continue;
      }
      const { width, type } = facts.size;
      if (type !== undefined && !EMAIL_FORMATS.has(type)) {
        report(image.position, {
          fr: `L'image ${image.src} est au format ${type.toUpperCase()}, mal affiché par certaines messageries (Outlook, Gmail) : enregistrez-la en JPEG ou PNG.`,
          en: `The image ${image.src} is in ${type.toUpperCase()} format, which some mail clients (Outlook, Gmail) do not show: save it as JPEG or PNG.`,
        });
      }
      const needed = Math.ceil(slot * MIN_DENSITY);
      if (width < needed) {
        report(image.position, {
          fr: `L'image ${image.src} fait ${width} px de large et s'affiche jusqu'à ${slot} px : elle sera floue sur les écrans haute densité. Fournissez-en une d'au moins ${needed} px de large (${slot * 2} px pour qu'elle soit parfaitement nette).`,
          en: `The image ${image.src} is ${width} px wide and is shown up to ${slot} px: it will look blurred on high-density screens. Provide one at least ${needed} px wide (${slot * 2} px for it to be perfectly sharp).`,
        });
      }
    }
  },
});
