import { fileSize } from '../../text/format.js';
import { defineCheck } from '../check.js';

/** Gmail clips a message above 102 KB of HTML and hides the rest behind a link. */
export const GMAIL_CLIP_BYTES = 102 * 1024;
/** Mailing tools lengthen every link for click tracking: keep room under the clip. */
export const SIZE_WARNING_BYTES = 90 * 1024;

export default defineCheck({
  id: 'inbox-size',
  description: { fr: 'Le HTML reste sous la limite où Gmail coupe le message (102 Ko)', en: 'The HTML stays under the size at which Gmail clips the message (102 KB)' },
  check(page, _input, report) {
    const bytes = Buffer.byteLength(page.html);
    const size = fileSize(bytes);
    if (bytes > GMAIL_CLIP_BYTES) {
      // Located where Gmail cuts: the first character past the limit.
      const cut = Buffer.from(page.html).subarray(0, GMAIL_CLIP_BYTES).toString('utf8').length;
      report('error', cut, 'clipped', {
        fr: `index.html pèse ${size.fr} : Gmail coupe les messages au-delà de 102 Ko, à partir d'ici, derrière un lien « Afficher l'intégralité du message ». Raccourcissez ce numéro (moins d'articles, textes plus courts).`,
        en: `index.html weighs ${size.en}: Gmail clips messages above 102 KB, from here on, behind a "View entire message" link. Shorten this issue (fewer articles, shorter texts).`,
      });
    } else if (bytes > SIZE_WARNING_BYTES) {
      report('warning', 0, 'nearClip', {
        fr: `index.html pèse ${size.fr}, près des 102 Ko où Gmail coupe le message ; l'outil d'envoi allonge encore chaque lien pour le suivi des clics. Gardez de la marge : raccourcissez ce numéro.`,
        en: `index.html weighs ${size.en}, close to the 102 KB at which Gmail clips the message; the mailing tool lengthens every link for click tracking. Keep some room: shorten this issue.`,
      });
    }
  },
});
