import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { t, type Message } from '../i18n/lang.js';
import { writeFileAtomic } from '../io/atomic.js';
import { wordListPath } from '../lint/french/word-list-file.js';
import { shownPath } from '../io/paths.js';
import { openTemplate } from '../pipeline/session.js';
import { findProject } from '../project.js';
import { addToWordList, wordProblem } from '../text/french/word-list.js';

const PROBLEMS: Record<NonNullable<ReturnType<typeof wordProblem>>, Message> = {
  empty: { fr: 'un mot vide', en: 'an empty word' },
  space: { fr: 'un mot par argument, sans espace (plusieurs mots : npx pvd words add Saint-Gildas Oraison)', en: 'one word per argument, with no space (several words: npx pvd words add Saint-Gildas Oraison)' },
  comment: { fr: '« # » commence un commentaire dans la liste', en: '"#" starts a comment in the list' },
  'too-long': { fr: 'plus de 64 caractères', en: 'more than 64 characters' },
};

/** npx pvd words add <mot…>: adds words to the template's word list, which the spelling rule reads. */
export async function run(_options: unknown, words: string[] = []): Promise<number> {
  for (const word of words) {
    const problem = wordProblem(word);
    if (problem) throw new UsageError({ fr: `« ${word} » ne peut pas entrer dans la liste de mots : ${PROBLEMS[problem].fr}.`, en: `"${word}" cannot go into the word list: ${PROBLEMS[problem].en}.` });
  }
  const template = openTemplate(findProject());
  const path = wordListPath(template);
  let existing = '';
  try {
    existing = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError({ fr: `Impossible de lire ${shownPath(path, { outside: 'relative' })} (${code ?? 'erreur inconnue'}) : vérifiez ses droits d'accès.`, en: `Cannot read ${shownPath(path, { outside: 'relative' })} (${code ?? 'unknown error'}): check its permissions.` });
    }
  }
  const { text, added, present } = addToWordList(existing, words);
  if (added.length > 0) writeFileAtomic(path, text);
  const file = shownPath(path, { outside: 'relative' });
  const lines: Message[] = [];
  if (added.length > 0) lines.push({ fr: `✔ Ajouté à ${file} : ${added.join(', ')}`, en: `✔ Added to ${file}: ${added.join(', ')}` });
  if (present.length > 0) lines.push({ fr: `Déjà dans ${file} : ${present.join(', ')}`, en: `Already in ${file}: ${present.join(', ')}` });
  process.stdout.write(`${lines.map(t).join('\n')}\n`);
  return 0;
}
