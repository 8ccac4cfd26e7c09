import { LETTERS, maskNonProse } from './words.js';

/** One entry of template.yaml's `style:` list: the form to write, and written forms to replace. */
export interface StyleEntry {
  use: string;
  variants: readonly string[];
}

/** A written form that the house style replaces. */
export interface StyleFinding {
  start: number;
  end: number;
  found: string;
  /** What to write instead, capitalised when the found form opened with a capital. */
  use: string;
}

/** An accented letter of a preferred form also matches its bare and other accented forms. */
const ACCENTED: Record<string, string> = {
  à: 'aàâä', â: 'aàâä', ä: 'aàâä', é: 'eéèêë', è: 'eéèêë', ê: 'eéèêë', ë: 'eéèêë',
  î: 'iîï', ï: 'iîï', ô: 'oôö', ö: 'oôö', ù: 'uùûü', û: 'uùûü', ü: 'uùûü', ç: 'cç', ÿ: 'yÿ',
};

/**
 * The pattern of one form: case-insensitive; a space also matches a hyphen (and several
 * spaces), a hyphen also matches a space or nothing (email, e mail); an accented letter its
 * unaccented form (Ile-de-France), œ its spelling oe; either apostrophe. A plain letter stays
 * itself: « e-mail » does not match « émail ».
 */
function formPattern(form: string): string {
  let pattern = '';
  for (const char of form) {
    const lower = char.toLowerCase();
    if (char === ' ') pattern += '[\\s\\u00a0\\u202f-]+';
    else if (char === '-') pattern += '[\\s\\u00a0\\u202f-]*';
    else if (char === "'" || char === '’') pattern += "['’]";
    else if (lower === 'œ') pattern += '(?:œ|oe)';
    else if (lower === 'æ') pattern += '(?:æ|ae)';
    else if (ACCENTED[lower]) pattern += `[${ACCENTED[lower]}]`;
    else pattern += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return pattern;
}

export interface StyleMatcher {
  pattern: RegExp;
  /** Capturing group n (1-based) → the form to write. */
  uses: string[];
}

/** One regular expression for the whole list, longest forms first so that none hides a longer one. */
export function compileStyle(entries: readonly StyleEntry[]): StyleMatcher | undefined {
  const forms = entries.flatMap((entry) => [entry.use, ...entry.variants].map((form) => ({ form, use: entry.use })));
  if (forms.length === 0) return undefined;
  forms.sort((a, b) => b.form.length - a.form.length);
  const source = forms.map(({ form }) => `(${formPattern(form)})`).join('|');
  return { pattern: new RegExp(`(?<![${LETTERS}0-9])(?:${source})(?![${LETTERS}0-9])`, 'gi'), uses: forms.map(({ use }) => use) };
}

const compiled = new WeakMap<readonly StyleEntry[], StyleMatcher | undefined>();

/** compileStyle, once per list: the house-style rule and the spelling rule read the same one. */
export function styleMatcher(entries: readonly StyleEntry[]): StyleMatcher | undefined {
  if (!compiled.has(entries)) compiled.set(entries, compileStyle(entries));
  return compiled.get(entries);
}

/**
 * Words before which a name in lower case is a common noun: « les petites villes de demain »,
 * « des villages d'avenir » speak of towns and villages, not of the programmes.
 */
const PLURAL_DETERMINER = new RegExp(`(?:^|[^${LETTERS}])(?:les|des|aux|ces|nos|vos|leurs|ses|mes|tes|quelques|plusieurs)[\\s\\u00a0\\u202f]+$`, 'i');

/** Quoted passages of a text: a name in quotes is cited as it is, never restyled. */
const QUOTED = /«[^»]*»|“[^”]*”|"[^"\n]*"/g;

/**
 * The passages of a whole source between French or curly quotes, within a paragraph: a
 * quotation may hold bold, italics or a link (« **Petites Villes de Demain** »), which split
 * it into several texts that the quotes of a single text do not cover.
 */
export function quotedSpans(source: string): Array<readonly [number, number]> {
  return [...source.matchAll(/«(?:(?!\n[ \t]*\n)[^»])*»|“(?:(?!\n[ \t]*\n)[^”])*”/g)].map((match) => [match.index, match.index + match[0].length] as const);
}

/** The forms of a text that the house style replaces; addresses, merge tags and quotations are left alone. */
export function styleFindings(text: string, matcher: StyleMatcher): StyleFinding[] {
  const masked = maskNonProse(text);
  const quoted = [...masked.matchAll(QUOTED)].map((match) => [match.index, match.index + match[0].length] as const);
  const findings: StyleFinding[] = [];
  matcher.pattern.lastIndex = 0;
  for (const match of masked.matchAll(matcher.pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (quoted.some(([from, to]) => start > from && end < to)) continue;
    const use = matcher.uses[match.slice(1).findIndex((group) => group !== undefined)]!;
    const found = text.slice(start, end);
    if (isAccepted(found, use)) continue;
    if (isCommonNoun(found, use, text.slice(Math.max(0, start - 20), start))) continue;
    const opensWithCapital = found[0] !== found[0]!.toLowerCase();
    findings.push({ start, end, found, use: opensWithCapital ? capitalise(use) : use });
  }
  return findings;
}

/** The form itself, or capitalised at the start of a sentence or a title (E-mail, Webinaire). */
function isAccepted(found: string, use: string): boolean {
  return found === use || found === capitalise(use);
}

/** A name of several words, capitalised, written all in lower case after « les », « des »…: the words' plain sense. */
function isCommonNoun(found: string, use: string, before: string): boolean {
  return use.includes(' ') && use[0] !== use[0]!.toLowerCase() && found === found.toLowerCase() && PLURAL_DETERMINER.test(before);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
