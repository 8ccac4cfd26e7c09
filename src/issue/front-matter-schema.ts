import * as v from 'valibot';
import type { Diagnostic, Position } from '../diagnostics/index.js';
import type { Message } from '../i18n/lang.js';
import { FIRST_ISSUE_NUMBER, LAST_ISSUE_NUMBER } from '../project.js';
import { closest } from '../text/closest.js';
import { isRealDate } from '../text/dates.js';
import type { FrontMatterEntry } from './front-matter.js';

/** The keys of an issue's front matter, in the order `pvd new` writes them. */
export const FRONT_MATTER_KEYS = ['number', 'date', 'subject', 'preheader', 'status', 'credits'] as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A newsletter of this century: `0099-03-15` or `2204-01-01` is a typo, not a date to send on. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

// Valibot carries message ids; the text is looked up here in both languages.
const MESSAGES: Record<string, Message> = {
  number: { fr: `« number » doit être un nombre entier entre ${FIRST_ISSUE_NUMBER} et ${LAST_ISSUE_NUMBER} (par exemple « number: 42 »).`, en: `"number" must be a whole number from ${FIRST_ISSUE_NUMBER} to ${LAST_ISSUE_NUMBER} (for instance "number: 42").` },
  date: { fr: '« date » doit être une date réelle au format AAAA-MM-JJ (par exemple « date: 2024-12-16 »).', en: '"date" must be a real date written YYYY-MM-DD (for instance "date: 2024-12-16").' },
  year: { fr: `« date » : l'année n'est pas plausible pour un numéro de la lettre (entre ${FIRST_YEAR} et ${LAST_YEAR}) : écrivez l'année en entier, par exemple « date: 2025-01-20 ».`, en: `"date": the year is not plausible for a newsletter issue (${FIRST_YEAR} to ${LAST_YEAR}): write the full year, for instance "date: 2025-01-20".` },
  subject: { fr: "« subject » (l'objet de l'e-mail) doit être un texte non vide, entre guillemets s'il contient « : ».", en: '"subject" (the email subject) must be a non-empty text, quoted if it contains ": ".' },
  preheader: { fr: "« preheader » (le texte d'aperçu affiché après l'objet) doit être un texte non vide.", en: '"preheader" (the preview text shown after the subject) must be a non-empty text.' },
  status: { fr: '« status » vaut « draft » (brouillon) ou « ready » (prêt à envoyer).', en: '"status" is either "draft" or "ready".' },
  credits: { fr: '« credits » est la liste des crédits photos, par exemple « credits: [ANCT, DDT 54] ».', en: '"credits" is the list of photo credits, for instance "credits: [ANCT, DDT 54]".' },
};

const yearOf = (value: string) => Number(value.slice(0, 4));

const FrontMatterSchema = v.object({
  number: v.pipe(v.number('number'), v.integer('number'), v.minValue(FIRST_ISSUE_NUMBER, 'number'), v.maxValue(LAST_ISSUE_NUMBER, 'number')),
  date: v.pipe(
    v.string('date'),
    v.check(isRealDate, 'date'),
    v.check((value) => yearOf(value) >= FIRST_YEAR && yearOf(value) <= LAST_YEAR, 'year'),
  ),
  subject: v.pipe(v.string('subject'), v.trim(), v.minLength(1, 'subject')),
  preheader: v.pipe(v.string('preheader'), v.trim(), v.minLength(1, 'preheader')),
  status: v.picklist(['draft', 'ready'], 'status'),
  credits: v.array(v.pipe(v.string('credits'), v.trim(), v.minLength(1, 'credits')), 'credits'),
});

/** The validated front matter of an issue. */
export type FrontMatter = v.InferOutput<typeof FrontMatterSchema>;

/** A draft, or ready to send. */
export type IssueStatus = FrontMatter['status'];

export interface FrontMatterCheck {
  value: FrontMatter | undefined;
  problems: Diagnostic[];
}

/**
 * Validates the parsed front matter; every problem sits on its key's own line. `hint` may
 * explain a value better than the schema can (a « : » left unquoted turned it into a mapping).
 */
export function validateFrontMatter(data: Record<string, unknown>, keys: FrontMatterEntry[], file: string, hint: (key: string) => { message: Message; position: Position } | undefined = () => undefined): FrontMatterCheck {
  const problems: Diagnostic[] = [];
  const entryOf = (key: string) => keys.find((entry) => entry.key === key);
  const report = (position: Position, messageId: string, message: Message) =>
    problems.push({ file, ...position, severity: 'error', rule: 'front-matter', messageId, message });

  for (const { key, position } of keys) {
    if (FORBIDDEN_KEYS.has(key)) {
      report(position, 'forbiddenKey', { fr: `La clé « ${key} » est interdite dans l'en-tête : supprimez-la.`, en: `The key "${key}" is not allowed in the header: remove it.` });
    } else if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      const suggestion = closest(key, FRONT_MATTER_KEYS);
      report(position, 'unknownKey', suggestion
        ? { fr: `Clé inconnue « ${key} » : vouliez-vous dire « ${suggestion} » ?`, en: `Unknown key "${key}": did you mean "${suggestion}"?` }
        : { fr: `Clé inconnue « ${key} » : les clés permises sont ${FRONT_MATTER_KEYS.join(', ')}.`, en: `Unknown key "${key}": the allowed keys are ${FRONT_MATTER_KEYS.join(', ')}.` });
    }
  }
  for (const key of FRONT_MATTER_KEYS) {
    if (!(key in data)) {
      report({ line: 1, column: 1 }, 'missingKey', { fr: `Il manque la clé « ${key} » dans l'en-tête. ${MESSAGES[key]!.fr}`, en: `The header lacks the key "${key}". ${MESSAGES[key]!.en}` });
    }
  }
  const known = Object.fromEntries(FRONT_MATTER_KEYS.filter((key) => key in data).map((key) => [key, data[key]]));
  const result = v.safeParse(FrontMatterSchema, known);
  if (result.success) return { value: result.output, problems };

  const reported = new Set<string>();
  for (const issue of result.issues) {
    const key = String(issue.path?.[0]?.key ?? '');
    if (!(key in data) || reported.has(key)) continue; // a missing key is already reported above
    reported.add(key);
    const entry = entryOf(key);
    const explained = hint(key);
    if (explained) report(explained.position, 'unquotedColon', explained.message);
    else report(entry?.valuePosition ?? entry?.position ?? { line: 1, column: 1 }, `invalid-${key}`, MESSAGES[issue.message] ?? MESSAGES[key]!);
  }
  return { value: undefined, problems };
}
