import { imageProblems } from '../../io/publishable.js';
import { localImage } from '../images.js';
import { classifyUrl, isRemoteImage } from '../../text/urls.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'image-outside',
  severity: 'error',
  description: { fr: "Une image locale reste dans le dossier du numéro", en: "A local image stays inside the issue's folder" },
  check({ issue, template }, report) {
    for (const image of issue.images) {
      if (isRemoteImage(image.src)) continue;
      const kind = classifyUrl(image.src);
      if (image.src.trim() === '' || kind === 'dangerous' || kind === 'other-scheme' || localImage(issue, image.src).kind === 'outside') {
        report(image.position, {
          fr: `L'image « ${image.src} » est hors du dossier du numéro : copiez-la dans images/ et écrivez images/nom-du-fichier, ou donnez une adresse https://.`,
          en: `The image "${image.src}" is outside the issue's folder: copy it into images/ and write images/file-name, or give an https:// address.`,
        });
      }
    }
    // A hard link is inside by its path, and may be any file by its content.
    for (const problem of imageProblems(issue, template)) {
      if (problem.rule === 'image-outside') report(problem.image.position, problem.message);
    }
  },
});
