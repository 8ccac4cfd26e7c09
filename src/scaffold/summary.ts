import type { Message } from '../i18n/lang.js';
import { shownPath } from '../io/paths.js';
import type { Answers } from './answers.js';
import { spelledDate } from '../text/french/dates.js';
import { longDate } from './dates.js';
import { PLACEHOLDER } from './issue-text.js';
import type { MadeIssue } from './make.js';

/** What `pvd new` made and what to do next, as lines to print. */
export function summary(made: MadeIssue, answers: Answers): Message[] {
  const file = shownPath(made.file, { outside: 'relative' });
  const number = answers.number;
  const day = longDate(answers.date);
  const lines: Message[] = [
    { fr: `✔ Numéro ${number} créé : ${file} (brouillon, envoi prévu le ${day.fr})`, en: `✔ Issue ${number} created: ${file} (draft, to be sent on ${day.en})` },
  ];
  for (const section of made.sections) {
    const carried = made.carried.includes(section.id);
    lines.push({
      fr: `    ## ${section.title}${carried ? ` — reprise du n° ${made.previousNumber}` : ''}`,
      en: `    ## ${section.title}${carried ? ` — carried over from issue ${made.previousNumber}` : ''}`,
    });
  }
  if (made.copiedImages > 0) {
    lines.push({
      fr: `  ${made.copiedImages} image(s) recopiée(s) dans ${shownPath(made.folder, { outside: 'relative' })}/images/`,
      en: `  ${made.copiedImages} image(s) copied into ${shownPath(made.folder, { outside: 'relative' })}/images/`,
    });
  }
  for (const src of made.missingImages) {
    lines.push({
      fr: `  ⚠ ${src} manquait déjà dans le n° ${made.previousNumber} : ajoutez le fichier ou retirez l'image.`,
      en: `  ⚠ ${src} was already missing from issue ${made.previousNumber}: add the file or remove the image.`,
    });
  }
  for (const past of made.pastDates) {
    const title = made.sections.find((section) => section.id === past.sectionId)?.title ?? past.sectionId;
    const when = spelledDate(past.day, past.month, past.year);
    const inferred = past.yearWritten ? { fr: '', en: '' } : { fr: ` (le ${when.fr})`, en: ` (${when.en})` };
    lines.push({
      fr: `  ⚠ ${file}:${past.line} — « ${title} » annonce « ${past.text} »${inferred.fr}, déjà passé le ${day.fr} : mettez l'annonce à jour ou retirez-la.`,
      en: `  ⚠ ${file}:${past.line} — "${title}" announces "${past.text}"${inferred.en}, already past on ${day.en}: update the announcement or remove it.`,
    });
  }
  lines.push(
    { fr: '', en: '' },
    { fr: 'Et maintenant :', en: 'Next steps:' },
    { fr: `  1. Rédigez ${file} : remplacez chaque « ${PLACEHOLDER} » et ajoutez les photos dans images/.`, en: `  1. Write ${file}: replace every "${PLACEHOLDER}" and put the photos in images/.` },
    { fr: `  2. npx pvd preview ${number}   pour voir la lettre pendant que vous écrivez`, en: `  2. npx pvd preview ${number}   to see the newsletter as you write` },
    { fr: `  3. npx pvd lint ${number}      pour vérifier ; passez « status: ready » quand tout est prêt`, en: `  3. npx pvd lint ${number}      to check it; set "status: ready" when it is done` },
    { fr: `  4. npx pvd build ${number}     pour produire le HTML, le texte et le .eml dans out/`, en: `  4. npx pvd build ${number}     to render the HTML, text and .eml into out/` },
  );
  return lines;
}
