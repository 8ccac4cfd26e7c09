import chalk from 'chalk';
import { t, type Message } from '../i18n/lang.js';
import { dateProblem, numberProblem, sectionsAndCarryOver, type Answers, type GivenAnswers } from './answers.js';
import { defaultsFor, nextNumber, optionalSections, type NumberDefaults, type ScaffoldContext } from './context.js';
import { longDate } from './dates.js';
import { PLACEHOLDER } from './issue-text.js';

// inquirer's key hints are in English; these are the words its prompts use.
const KEY_ACTIONS: Record<string, Message> = {
  navigate: { fr: 'se déplacer', en: 'navigate' },
  select: { fr: 'choisir', en: 'select' },
  all: { fr: 'tout', en: 'all' },
  invert: { fr: 'inverser', en: 'invert' },
  submit: { fr: 'valider', en: 'submit' },
};
const KEY_NAMES: Record<string, Message> = { space: { fr: 'espace', en: 'space' } };

const helpTip = (actions: Record<string, Message>) => (keys: [string, string][]): string =>
  keys
    .map(([key, action]) => `${chalk.bold(KEY_NAMES[key] ? t(KEY_NAMES[key]) : key)} ${chalk.dim(actions[action] ? t(actions[action]) : action)}`)
    .join(chalk.dim(' • '));
const selectHelp = helpTip(KEY_ACTIONS);
// In a checkbox, « select » ticks a box.
const checkboxHelp = helpTip({ ...KEY_ACTIONS, select: { fr: 'cocher', en: 'select' } });

/** A question keeps its long wording while asked, and a short label once answered, so that answers stay on one line. */
const shortOnceAnswered = (answered: Message) => (text: string, status: string): string => chalk.bold(status === 'done' ? t(answered) : text);

/** Asks, in the terminal, every question the flags did not answer. Loads inquirer only here. */
export async function askMissing(given: GivenAnswers, context: ScaffoldContext): Promise<{ answers: Answers; defaults: NumberDefaults }> {
  const { input, select, checkbox } = await import('@inquirer/prompts');
  const yesNo = async (message: Message, yes: Message, no: Message, byDefault: boolean, answered = message): Promise<boolean> =>
    select({
      message: t(message),
      choices: [
        { name: t(yes), value: true },
        { name: t(no), value: false },
      ],
      default: byDefault,
      theme: { style: { message: shortOnceAnswered(answered), keysHelpTip: selectHelp } },
    });

  const number = given.number ?? Number(await input({
    message: t({ fr: 'Numéro de la lettre', en: 'Issue number' }),
    default: String(nextNumber(context.takenFolders)),
    validate: (text) => {
      const refusal = numberProblem(text, context);
      return refusal ? t(refusal.problem) : true;
    },
  }));
  const defaults = defaultsFor(context, number);

  let date = given.date;
  let dateDefault = defaults.date;
  for (;;) {
    date ??= (await input({
      message: t({ fr: `Date d'envoi au format AAAA-MM-JJ — par défaut ${defaults.dateReason.fr}`, en: `Send date as YYYY-MM-DD — by default ${defaults.dateReason.en}` }),
      theme: { style: { message: shortOnceAnswered({ fr: "Date d'envoi", en: 'Send date' }) } },
      default: dateDefault,
      validate: (text) => {
        const problem = dateProblem(text);
        return problem ? t(problem) : true;
      },
      transformer: (text, { isFinal }) => (isFinal && !dateProblem(text) ? `${text} (${t(longDate(text))})` : text),
    })).trim();
    if (date >= context.today) break;
    const day = longDate(date);
    const keep = await yesNo(
      { fr: `Le ${day.fr} est déjà passé. Garder cette date ?`, en: `${day.en} is in the past. Keep this date?` },
      { fr: 'Oui, garder cette date', en: 'Yes, keep this date' },
      { fr: 'Non, en choisir une autre', en: 'No, choose another one' },
      false,
    );
    if (keep) break;
    date = undefined;
    dateDefault = defaults.upcomingDate;
  }

  const subject = given.subject ?? await input({ message: t({ fr: "Objet de l'e-mail", en: 'Email subject' }), default: PLACEHOLDER });
  const preheader = given.preheader ?? await input({
    message: t({ fr: "Texte d'aperçu (affiché après l'objet dans la boîte de réception)", en: 'Preview text (shown after the subject in the inbox)' }),
    theme: { style: { message: shortOnceAnswered({ fr: "Texte d'aperçu", en: 'Preview text' }) } },
    default: PLACEHOLDER,
  });

  const optional = optionalSections(context.template);
  const sections = given.sections ?? (optional.length === 0 ? [] : await checkbox({
    message: t({ fr: 'Rubriques facultatives à inclure', en: 'Optional sections to include' }),
    choices: optional.map((section) => ({
      name: section.title,
      value: section.id,
      checked: defaults.sections.includes(section.id),
      ...(section.hint ? { description: section.hint } : {}),
    })),
    pageSize: optional.length,
    theme: {
      style: {
        message: shortOnceAnswered({ fr: 'Rubriques facultatives', en: 'Optional sections' }),
        keysHelpTip: checkboxHelp,
        renderSelectedChoices: (selected: readonly { name: string }[]) =>
          selected.length > 0 ? selected.map((choice) => choice.name).join(', ') : t({ fr: 'aucune', en: 'none' }),
      },
    },
  }));

  let carryOver = given.carryOver;
  const carriable = defaults.recurring.filter((section) => sections.includes(section.id));
  if (carryOver === undefined && carriable.length > 0 && defaults.previous) {
    const titles = carriable.map((section) => `« ${section.title} »`);
    const list = (and: string) => (titles.length > 1 ? `${titles.slice(0, -1).join(', ')} ${and} ${titles.at(-1)}` : titles.join(''));
    const many = carriable.length > 1;
    const previous = defaults.previous.number;
    carryOver = await yesNo(
      {
        fr: `Reprendre du n° ${previous} ${many ? 'les rubriques' : 'la rubrique'} ${list('et')} ?`,
        en: `Carry over ${list('and')} from issue ${previous}?`,
      },
      { fr: `Oui, ${many ? 'les' : 'la'} recopier (textes, liens et images)`, en: `Yes, copy ${many ? 'them' : 'it'} (text, links and images)` },
      { fr: `Non, ${many ? 'les laisser' : 'la laisser'} à compléter`, en: `No, leave ${many ? 'them' : 'it'} to write` },
      true,
      { fr: `Rubriques récurrentes du n° ${previous}`, en: `Recurring sections of issue ${previous}` },
    );
  }

  return {
    defaults,
    answers: { number, date, subject, preheader, ...sectionsAndCarryOver(sections, carryOver, defaults, context) },
  };
}
