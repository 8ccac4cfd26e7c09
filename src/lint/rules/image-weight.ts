import * as v from 'valibot';
import { localImages } from '../../issue/publishable.js';
import { SLOTS } from '../../template/layout.js';
import { fileSize } from '../../text/format.js';
import { placeholderSeverity } from '../header.js';
import { defineRule } from '../rule.js';

/** 1024 → « 1 Mo », 700 → « 700 Ko ». */
const sizeLimit = (kilobytes: number) => fileSize(kilobytes * 1024, { unit: kilobytes % 1024 === 0 ? 'Mo' : 'Ko', decimals: 0 });

export default defineRule({
  id: 'image-weight',
  severity: 'warning',
  description: { fr: 'Chaque image pèse au plus 300 Ko (1 Mo au plus dans un numéro prêt) et reste nette (1,5 × sa plus grande largeur affichée)', en: 'Every image weighs at most 300 KB (1 MB at most in a ready issue) and stays sharp (1.5 × its widest display)' },
  options: v.object({
    /** Above this weight (KB) an image slows the email down. */
    maxKilobytes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 300),
    /**
     * Past this (KB), a picture is no longer a heavy email but a broken one (slow, clipped,
     * refused by some servers): an error once the issue is ready.
     */
    limitKilobytes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1024),
    /** Pixels of image per pixel of display: 1.5 stays sharp on high-density screens. */
    minDensity: v.optional(v.pipe(v.number(), v.minValue(1)), 1.5),
  }),
  messages: {
    overLimit: {
      fr: "L'image {src} pèse {size} Mo, au-delà de la limite de {limit} : réduisez-la à {max} Ko au plus (JPEG qualité 80, {width} px de large suffisent).",
      en: 'The image {src} weighs {size} MB, over the {limit} limit: reduce it to {max} KB at most (JPEG quality 80, {width} px wide is enough).',
    },
    tooHeavy: {
      fr: "L'image {src} pèse {size} Ko (plus de {max} Ko) : réduisez-la (JPEG qualité 80, {width} px de large suffisent) pour que la lettre s'ouvre vite.",
      en: 'The image {src} weighs {size} KB (over {max} KB): shrink it (JPEG quality 80, {width} px wide is enough) so that the email opens fast.',
    },
    unreadable: {
      fr: 'Impossible de lire les dimensions de {src} : le fichier est abîmé. Réenregistrez-le en JPEG ou PNG.',
      en: 'Cannot read the dimensions of {src}: the file is damaged. Save it again as JPEG or PNG.',
    },
    blurred: {
      fr: "L'image {src} fait {width} px de large et s'affiche jusqu'à {slot} px : elle sera floue sur les écrans haute densité. Fournissez-en une d'au moins {needed} px de large ({sharp} px pour qu'elle soit parfaitement nette).",
      en: 'The image {src} is {width} px wide and is shown up to {slot} px: it will look blurred on high-density screens. Provide one at least {needed} px wide ({sharp} px for it to be perfectly sharp).',
    },
  },
  create({ issue, template, options, report }) {
    const seen = new Set<string>();
    return {
      issue() {
        for (const { image, path, read } of localImages(issue, template)) {
          // image-format reports what is not a readable JPEG, PNG or GIF.
          if (!read.ok || !read.facts.format) continue;
          // Judged where it is shown widest: a card's picture spans the column on a phone.
          const slot = SLOTS[image.slot].widest;
          const key = `${path}@${slot}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const { facts } = read;
          const at = image.position;
          const needed = Math.ceil(slot * options.minDensity);
          if (facts.bytes > options.limitKilobytes * 1024) {
            report({ at, messageId: 'overLimit', data: { src: image.src, size: fileSize(facts.bytes, { unit: 'Mo', withUnit: false }), limit: sizeLimit(options.limitKilobytes), max: options.maxKilobytes, width: needed }, severity: placeholderSeverity(issue) });
          } else if (facts.bytes > options.maxKilobytes * 1024) {
            report({ at, messageId: 'tooHeavy', data: { src: image.src, size: fileSize(facts.bytes, { decimals: 0, withUnit: false }), max: options.maxKilobytes, width: needed } });
          }
          if (!facts.size) {
            // A picture that is not one to the end is image-format's error already.
            if (facts.wellFormed) report({ at, messageId: 'unreadable', data: { src: image.src } });
            continue;
          }
          if (facts.size.width < needed) report({ at, messageId: 'blurred', data: { src: image.src, width: facts.size.width, slot, needed, sharp: slot * 2 } });
        }
      },
    };
  },
});
