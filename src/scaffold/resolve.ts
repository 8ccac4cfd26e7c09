import { t } from '../i18n/lang.js';
import { AnswerError, missingFlags, readFlags, withDefaults, type Answers, type NewOptions } from './answers.js';
import type { NumberDefaults, ScaffoldContext } from './context.js';
import { longDate } from './dates.js';

export interface Resolved {
  answers: Answers;
  defaults: NumberDefaults;
  /** Said before creating: a past date accepted by --yes. */
  notices: string[];
}

/**
 * Flags first; then, on a terminal, questions for the rest. Without a terminal nothing is
 * asked: missing answers (or a past date to confirm) stop the run at once, naming the flags.
 */
export async function resolveAnswers(options: NewOptions, context: ScaffoldContext, isTerminal: boolean): Promise<Resolved> {
  const given = readFlags(options, context);
  if (!options.yes && isTerminal) {
    const { askMissing } = await import('./prompts.js');
    return { ...(await askMissing(given, context)), notices: [] };
  }
  const missing = missingFlags(given, context);
  if (!options.yes && missing.length > 0) {
    const flags = missing.join(', ');
    throw new AnswerError({
      fr: `pas de terminal pour poser les questions. Donnez les réponses en options (${flags}) ou ajoutez --yes pour prendre les valeurs par défaut, par exemple : npx pvd new --yes --subject "Objet de la lettre"`,
      en: `no terminal to ask questions on. Give the answers as options (${flags}) or add --yes to take the defaults, for instance: npx pvd new --yes --subject "Newsletter subject"`,
    });
  }
  const { answers, defaults } = withDefaults(given, context);
  const notices: string[] = [];
  if (answers.date < context.today) {
    const day = longDate(answers.date);
    if (!options.yes) {
      throw new AnswerError({
        fr: `la date ${answers.date} (${day.fr}) est passée : ajoutez --yes pour la garder, ou donnez une autre --date.`,
        en: `the date ${answers.date} (${day.en}) is in the past: add --yes to keep it, or give another --date.`,
      });
    }
    notices.push(t({ fr: `⚠ La date choisie, le ${day.fr}, est passée.`, en: `⚠ The chosen date, ${day.en}, is in the past.` }));
  }
  return { answers, defaults, notices };
}
