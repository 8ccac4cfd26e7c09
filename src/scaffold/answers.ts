import type { Message } from '../i18n/lang.js';
import { FIRST_ISSUE_NUMBER, folderNameOf, LAST_ISSUE_NUMBER, typedIssueNumber } from '../project.js';
import { normalizeTitle } from '../template/catalog.js';
import type { CatalogSection } from '../template/model.js';
import { isRealDate } from '../text/dates.js';
import type { IsoDate } from './dates.js';
import { defaultsFor, nextNumber, optionalSections, type NumberDefaults, type ScaffoldContext } from './context.js';

/** The options of `pvd new` as commander parsed them. */
export interface NewOptions {
  number?: string;
  date?: string;
  subject?: string;
  preheader?: string;
  sections?: string;
  /** true for --carry-over, false for --no-carry-over, undefined when neither is given. */
  carryOver?: boolean;
  yes?: boolean;
}

/** Everything the scaffold needs, whether typed, passed as flags or defaulted. */
export interface Answers {
  number: number;
  date: IsoDate;
  subject: string;
  preheader: string;
  /** Ids of the optional sections to include. */
  sections: string[];
  carryOver: boolean;
}

/** A refusal of what was passed or typed: exit 2, or exit 1 for a number already used. */
export class AnswerError extends Error {
  constructor(readonly text: Message, readonly exitCode: 1 | 2 = 2) {
    super(text.en);
  }
}

export function numberProblem(text: string, context: ScaffoldContext): { problem: Message; exitCode: 1 | 2 } | undefined {
  const trimmed = text.trim();
  const number = typedIssueNumber(trimmed);
  if (number === undefined) {
    return {
      exitCode: 2,
      problem: { fr: `« ${trimmed} » n'est pas un numéro : donnez un nombre entier entre ${FIRST_ISSUE_NUMBER} et ${LAST_ISSUE_NUMBER}.`, en: `"${trimmed}" is not an issue number: give a whole number from ${FIRST_ISSUE_NUMBER} to ${LAST_ISSUE_NUMBER}.` },
    };
  }
  const folderName = folderNameOf(number);
  if (context.takenFolders.includes(folderName)) {
    return {
      exitCode: 1,
      problem: {
        fr: `Le numéro ${number} existe déjà (issues/${folderName}) : choisissez-en un autre, par exemple ${nextNumber(context.takenFolders)}.`,
        en: `Issue ${number} already exists (issues/${folderName}): pick another one, for instance ${nextNumber(context.takenFolders)}.`,
      },
    };
  }
  return undefined;
}

export function dateProblem(text: string): Message | undefined {
  if (isRealDate(text.trim())) return undefined;
  return {
    fr: `« ${text.trim()} » n'est pas une date réelle au format AAAA-MM-JJ (par exemple 2025-01-20).`,
    en: `"${text.trim()}" is not a real date written YYYY-MM-DD (for instance 2025-01-20).`,
  };
}

/** `--sections club,presse`: ids or titles of optional sections, separated by commas. */
export function parseSections(text: string, catalog: readonly CatalogSection[]): string[] {
  const chosen = new Set<string>();
  for (const word of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const section = catalog.find((entry) => entry.id === word.toLowerCase() || normalizeTitle(entry.title) === normalizeTitle(word));
    if (!section) {
      const list = catalog.filter((entry) => !entry.required).map((entry) => `${entry.id} (${entry.title})`).join(', ');
      throw new AnswerError({
        fr: `--sections : rubrique inconnue « ${word} ». Les rubriques facultatives sont : ${list}.`,
        en: `--sections: unknown section "${word}". The optional sections are: ${list}.`,
      });
    }
    if (!section.required) chosen.add(section.id);
  }
  return catalog.filter((section) => chosen.has(section.id)).map((section) => section.id);
}

/** The answers the flags give, each validated; what is absent stays undefined. */
export interface GivenAnswers {
  number: number | undefined;
  date: IsoDate | undefined;
  subject: string | undefined;
  preheader: string | undefined;
  sections: string[] | undefined;
  carryOver: boolean | undefined;
}

export function readFlags(options: NewOptions, context: ScaffoldContext): GivenAnswers {
  let number: number | undefined;
  if (options.number !== undefined) {
    const refusal = numberProblem(options.number, context);
    if (refusal) {
      // A number already used is refused like a problem in the content (exit 1), and said to be safe.
      const untouched = refusal.exitCode === 1 ? { fr: " Rien n'a été modifié.", en: ' Nothing was changed.' } : { fr: '', en: '' };
      throw new AnswerError({ fr: `--number : ${refusal.problem.fr}${untouched.fr}`, en: `--number: ${refusal.problem.en}${untouched.en}` }, refusal.exitCode);
    }
    number = Number(options.number.trim());
  }
  if (options.date !== undefined) {
    const problem = dateProblem(options.date);
    if (problem) throw new AnswerError({ fr: `--date : ${problem.fr}`, en: `--date: ${problem.en}` });
  }
  return {
    number,
    date: options.date?.trim(),
    subject: options.subject,
    preheader: options.preheader,
    sections: options.sections === undefined ? undefined : parseSections(options.sections, context.template.config.sections),
    carryOver: options.carryOver,
  };
}

/** The flags a run without a terminal would need, given what the flags already answer. */
export function missingFlags(given: GivenAnswers, context: ScaffoldContext): string[] {
  const defaults = defaultsFor(context, given.number ?? nextNumber(context.takenFolders));
  const missing: string[] = [];
  if (given.number === undefined) missing.push('--number');
  if (given.date === undefined) missing.push('--date');
  if (given.subject === undefined) missing.push('--subject');
  if (given.preheader === undefined) missing.push('--preheader');
  if (given.sections === undefined && optionalSections(context.template).length > 0) missing.push('--sections');
  if (given.carryOver === undefined && defaults.recurring.length > 0) missing.push('--carry-over / --no-carry-over');
  return missing;
}

/** Fills what the flags left out with the defaults (`--yes`, or a run with every flag). */
export function withDefaults(given: GivenAnswers, context: ScaffoldContext): { answers: Answers; defaults: NumberDefaults } {
  const number = given.number ?? nextNumber(context.takenFolders);
  if (number > LAST_ISSUE_NUMBER) {
    throw new AnswerError({
      fr: `Le numéro ${LAST_ISSUE_NUMBER} existe déjà : pvd numérote les lettres de ${FIRST_ISSUE_NUMBER} à ${LAST_ISSUE_NUMBER}. Donnez un numéro libre avec --number.`,
      en: `Issue ${LAST_ISSUE_NUMBER} already exists: pvd numbers issues from ${FIRST_ISSUE_NUMBER} to ${LAST_ISSUE_NUMBER}. Give a free number with --number.`,
    });
  }
  const defaults = defaultsFor(context, number);
  const sections = given.sections ?? defaults.sections;
  return {
    defaults,
    answers: {
      number,
      date: given.date ?? defaults.date,
      subject: given.subject ?? '',
      preheader: given.preheader ?? '',
      ...sectionsAndCarryOver(sections, given.carryOver, defaults, context),
    },
  };
}

/**
 * `--carry-over` brings the recurring sections in even if --sections left them out; without
 * either flag, the recurring sections chosen are carried over, since that is what they are for.
 */
export function sectionsAndCarryOver(sections: readonly string[], carryOver: boolean | undefined, defaults: NumberDefaults, context: ScaffoldContext): Pick<Answers, 'sections' | 'carryOver'> {
  const recurring = defaults.recurring.map((section) => section.id);
  const chosen = new Set([...sections, ...(carryOver === true ? recurring : [])]);
  return {
    sections: context.template.config.sections.filter((section) => chosen.has(section.id)).map((section) => section.id),
    carryOver: carryOver ?? recurring.some((id) => chosen.has(id)),
  };
}
