import * as v from 'valibot';
import { readImageFacts, type ImageFacts } from '../../io/image-facts.js';
import { SLOTS } from '../../template/layout.js';
import { isRemoteImage } from '../../text/urls.js';
import { localImage } from '../images.js';
import { defineRule } from '../rule.js';

/** Formats every mail client shows; WebP, SVG and others are missing from Outlook or Gmail. */
const EMAIL_FORMATS = new Set(['jpg', 'png', 'gif']);
const kilobytes = (bytes: number) => Math.round(bytes / 1024);

export default defineRule({
  id: 'image-weight',
  severity: 'warning',
  description: { fr: 'Chaque image pèse au plus 300 Ko et reste nette (1,5 × sa plus grande largeur affichée)', en: 'Every image weighs at most 300 KB and stays sharp (1.5 × its widest display)' },
  options: v.object({
    /** Above this weight (KB) an image slows the email down. */
    maxKilobytes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 300),
    /** Pixels of image per pixel of display: 1.5 stays sharp on high-density screens. */
    minDensity: v.optional(v.pipe(v.number(), v.minValue(1)), 1.5),
  }),
  messages: {
    tooHeavy: {
      fr: "L'image {src} pèse {size} Ko (plus de {max} Ko) : réduisez-la (JPEG qualité 80, {width} px de large suffisent) pour que la lettre s'ouvre vite.",
      en: 'The image {src} weighs {size} KB (over {max} KB): shrink it (JPEG quality 80, {width} px wide is enough) so that the email opens fast.',
    },
    unreadable: {
      fr: "Impossible de lire les dimensions de {src} : le fichier est abîmé ou n'est pas une image. Réenregistrez-le en JPEG ou PNG.",
      en: 'Cannot read the dimensions of {src}: the file is damaged or not an image. Save it again as JPEG or PNG.',
    },
    format: {
      fr: "L'image {src} est au format {format}, mal affiché par certaines messageries (Outlook, Gmail) : enregistrez-la en JPEG ou PNG.",
      en: 'The image {src} is in {format} format, which some mail clients (Outlook, Gmail) do not show: save it as JPEG or PNG.',
    },
    blurred: {
      fr: "L'image {src} fait {width} px de large et s'affiche jusqu'à {slot} px : elle sera floue sur les écrans haute densité. Fournissez-en une d'au moins {needed} px de large ({sharp} px pour qu'elle soit parfaitement nette).",
      en: 'The image {src} is {width} px wide and is shown up to {slot} px: it will look blurred on high-density screens. Provide one at least {needed} px wide ({sharp} px for it to be perfectly sharp).',
    },
  },
  create({ issue, options, report }) {
    const seen = new Set<string>();
    return {
      image(image) {
        if (isRemoteImage(image.src) || image.src.trim() === '') return;
        const local = localImage(issue, image.src);
        if (local.kind !== 'inside') return; // image-missing and image-outside report these
        // Judged where it is shown widest: a card's picture spans the column on a phone.
        const slot = SLOTS[image.slot].widest;
        const key = `${local.path}@${slot}`;
        if (seen.has(key)) return;
        seen.add(key);
        let facts: ImageFacts;
        try {
          facts = readImageFacts(local.path);
        } catch {
          return; // a folder named like an image, or unreadable: the build says so
        }
        const at = image.position;
        const needed = Math.ceil(slot * options.minDensity);
        if (facts.bytes > options.maxKilobytes * 1024) {
          report({ at, messageId: 'tooHeavy', data: { src: image.src, size: kilobytes(facts.bytes), max: options.maxKilobytes, width: needed } });
        }
        if (!facts.size) return report({ at, messageId: 'unreadable', data: { src: image.src } });
        const { width, type } = facts.size;
        if (type !== undefined && !EMAIL_FORMATS.has(type)) report({ at, messageId: 'format', data: { src: image.src, format: type.toUpperCase() } });
        if (width < needed) report({ at, messageId: 'blurred', data: { src: image.src, width, slot, needed, sharp: slot * 2 } });
      },
    };
  },
});
