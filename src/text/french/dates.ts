/**
 * The dates French newsletters write, found in prose: « le 14 janvier », « mardi 14 janvier
 * 2025 », « 1er mars », « 14/01/2025 », « du 3 au 5 février », « les jeudi 5 et vendredi
 * 6 juin ». Times (14h00, 14 h 30) are read as part of the date they follow, never as one.
 * Hand-written rather than chrono-node's French parser: see docs/rules/date-weekday.md.
 * Letters are spelt out rather than \p{L}, whose classes cost milliseconds to compile.
 */
import { MONTHS, MONTHS_EN, WEEKDAYS } from '../dates.js';
import { LETTERS } from './words.js';

/** Written month → 1–12, full names with or without accents, and the usual abbreviations. */
const MONTH_NUMBER: Record<string, number> = {
  janvier: 1, janv: 1, février: 2, fevrier: 2, févr: 2, fevr: 2, fév: 2, fev: 2, mars: 3, avril: 4, avr: 4, mai: 5, juin: 6,
  juillet: 7, juil: 7, août: 8, aout: 8, septembre: 9, sept: 9, octobre: 10, oct: 10, novembre: 11, nov: 11, décembre: 12, decembre: 12, déc: 12, dec: 12,
};

const SPACE = '[ \\t\\u00a0\\u202f]+';
const GAP = '[ \\t\\u00a0\\u202f\\n]+';
const WEEKDAY = `(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)`;
const DAY = `(?:1er|1ᵉʳ|[12]\\d|3[01]|0?[1-9])`;
// « sept » is also seven: abbreviated, it takes its full stop.
const MONTH = `(?:janvier|janv\\.?|f[ée]vrier|f[ée]vr?\\.?|mars|avril|avr\\.?|mai|juin|juillet|juil\\.?|ao[ûu]t|septembre|sept\\.|octobre|oct\\.?|novembre|nov\\.?|d[ée]cembre|d[ée]c\\.?)`;
const YEAR = `(?:19|20)\\d{2}`;
/** One day: an optional weekday, then its number. */
const ONE_DAY = `(?:${WEEKDAY}${GAP})?${DAY}`;
/** Days sharing a month: « 3 au 5 », « 5 et vendredi 6 », « 3, 4 et 5 ». */
const LINK = `(?:${GAP}(?:au|et|à)${GAP}|${SPACE}?[,–-]${SPACE}?)`;
const WRITTEN = new RegExp(`(?<![${LETTERS}\\d])(${ONE_DAY}(?:${LINK}${ONE_DAY})*)${GAP}(${MONTH})(?:${GAP}(${YEAR}))?(?![${LETTERS}\\d])`, 'gi');
/** 14/01/2025, 14/01/25, 14.01.2025 (a dotted one takes four digits: 1.2.24 is a version). */
const NUMERIC = new RegExp(`(?<![${LETTERS}\\d/.])(?:(${WEEKDAY})${GAP})?(0?[1-9]|[12]\\d|3[01])(?:/(0?[1-9]|1[0-2])/((?:19|20)?\\d{2})|\\.(0?[1-9]|1[0-2])\\.((?:19|20)\\d{2}))(?![${LETTERS}\\d/]|\\.\\d)`, 'gi');
const ONE_DAY_PARTS = new RegExp(`(?:(${WEEKDAY})${GAP})?(${DAY})`, 'gi');

/** One day the text names. */
export interface WrittenDate {
  /** Offsets of the whole expression (for « du 3 au 5 février », of « 3 au 5 février »). */
  start: number;
  end: number;
  day: number;
  /** 1–12. */
  month: number;
  /** As written; undefined when the text leaves it out. */
  year: number | undefined;
  /** The weekday written with it, with its offsets; 0 is Sunday, as Date.getUTCDay(). */
  weekday: { value: number; start: number; end: number } | undefined;
  /** Offset of the day's own number, where a report about this day points. */
  dayStart: number;
  /** Dates of one event share it: « du 3 au 5 février », « du 30 janvier au 2 février ». */
  event: number;
}

/**
 * Every date written in a text, in order. Days that share a month (« du 3 au 5 février »)
 * each give one, with the same start and end; « du 30 janvier au 2 février 2025 » gives
 * the year to both.
 */
export function findDates(text: string): readonly WrittenDate[] {
  // Two rules read the same body: the last answer is kept.
  if (text === lastRead?.text) return lastRead.dates;
  const dates = readDates(text);
  lastRead = { text, dates };
  return dates;
}

let lastRead: { text: string; dates: readonly WrittenDate[] } | undefined;

function readDates(text: string): WrittenDate[] {
  if (!/\d/.test(text)) return [];
  const dates: WrittenDate[] = [];
  for (const match of text.matchAll(WRITTEN)) {
    const month = MONTH_NUMBER[match[2]!.toLowerCase().replace('.', '')];
    if (month === undefined) continue;
    const year = match[3] === undefined ? undefined : Number(match[3]);
    const start = match.index;
    const end = start + match[0].length;
    const event = start;
    for (const part of match[1]!.matchAll(ONE_DAY_PARTS)) {
      const weekdayText = part[1];
      const dayText = part[2]!;
      const dayStart = start + part.index + part[0].length - dayText.length;
      dates.push({
        start, end, day: dayText.startsWith('1e') || dayText.startsWith('1ᵉ') ? 1 : Number(dayText), month, year, dayStart, event,
        weekday: weekdayText === undefined ? undefined : { value: WEEKDAYS.indexOf(weekdayText.toLowerCase() as (typeof WEEKDAYS)[number]), start: start + part.index, end: start + part.index + weekdayText.length },
      });
    }
  }
  for (const match of text.matchAll(NUMERIC)) {
    const weekdayText = match[1];
    const monthText = match[3] ?? match[5]!;
    const yearText = match[4] ?? match[6]!;
    const dayStart = match.index + match[0].length - `${match[2]}/${monthText}/${yearText}`.length;
    dates.push({
      start: match.index, end: match.index + match[0].length, day: Number(match[2]), month: Number(monthText),
      year: yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText), dayStart, event: match.index,
      weekday: weekdayText === undefined ? undefined : { value: WEEKDAYS.indexOf(weekdayText.toLowerCase() as (typeof WEEKDAYS)[number]), start: match.index, end: match.index + weekdayText.length },
    });
  }
  dates.sort((a, b) => a.dayStart - b.dayStart);
  shareYears(text, dates);
  return dates;
}

const RANGE_LINK = new RegExp(`^${GAP}(?:au|et|à|-|–)${GAP}$`);

/**
 * « du 30 janvier au 2 février 2025 »: one event; the first date takes the year of the
 * second (the one before if the months wrap).
 */
function shareYears(text: string, dates: WrittenDate[]): void {
  for (let index = dates.length - 2; index >= 0; index--) {
    const date = dates[index]!;
    const next = dates[index + 1]!;
    if (next.start === date.start || !RANGE_LINK.test(` ${text.slice(date.end, next.start)} `)) continue;
    for (const member of dates) if (member.event === date.event && member !== date) member.event = next.event;
    date.event = next.event;
    if (date.year === undefined && next.year !== undefined) date.year = date.month > next.month ? next.year - 1 : next.year;
  }
}

/** A calendar day, YYYY-MM-DD, as the front matter writes dates. */
export type IsoDate = string;

/**
 * The year of a date written without one: of the same day and month in the year of
 * `reference`, the year before and the year after, the one nearest to `reference`. Its
 * weekday settles a near tie: « mardi 17 juin » in an issue of 16 December 2024 is 17 June
 * 2025, a Tuesday, not 17 June 2024, a Monday one day nearer. Never a year much further
 * than the nearest: a wrong weekday stays wrong rather than moving the date a year away.
 */
export function resolveYear(date: Pick<WrittenDate, 'day' | 'month' | 'year'> & { weekday?: WrittenDate['weekday'] }, reference: IsoDate): number {
  if (date.year !== undefined) return date.year;
  const from = Date.parse(`${reference}T00:00:00Z`);
  const year = Number(reference.slice(0, 4));
  const candidates = [year - 1, year, year + 1]
    .map((candidate) => ({ year: candidate, distance: Math.abs(Date.UTC(candidate, date.month - 1, date.day) - from) }))
    // On a tie (six months either way), the coming date: the newsletter announces.
    .sort((a, b) => a.distance - b.distance || b.year - a.year);
  const nearest = candidates[0]!;
  const weekday = date.weekday?.value;
  if (weekday === undefined || weekdayOf(date.day, date.month, nearest.year) === weekday) return nearest.year;
  const matching = candidates.find((candidate) => isRealDay(date.day, date.month, candidate.year) && weekdayOf(date.day, date.month, candidate.year) === weekday);
  return matching && matching.distance - nearest.distance <= NEAR_TIE_MS ? matching.year : nearest.year;
}

/** How much further than the nearest a year may be and still be taken for its weekday: a month. */
const NEAR_TIE_MS = 31 * 24 * 3600 * 1000;

/** Whether the day exists (no 31 novembre, no 29 février 2025). */
export function isRealDay(day: number, month: number, year: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function weekdayOf(day: number, month: number, year: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isoDate(day: number, month: number, year: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** « 15 janvier 2025 » / "15 January 2025". */
export function spelledDate(day: number, month: number, year: number): { fr: string; en: string } {
  return { fr: `${day === 1 ? '1er' : day} ${MONTHS[month - 1]} ${year}`, en: `${day} ${MONTHS_EN[month - 1]} ${year}` };
}

/** A weekday the date does not fall on (« mardi 15 janvier » when the 15th is a Wednesday), or a day that does not exist. */
export type DateProblem =
  | { kind: 'weekday'; date: WrittenDate; year: number; actual: number }
  | { kind: 'impossible'; date: WrittenDate; year: number };

/** The dates of a text whose weekday is wrong, or which do not exist, read against the date. */
export function dateProblems(text: string, reference: IsoDate): DateProblem[] {
  const problems: DateProblem[] = [];
  for (const date of findDates(text)) {
    const year = resolveYear(date, reference);
    if (!isRealDay(date.day, date.month, year)) problems.push({ kind: 'impossible', date, year });
    else if (date.weekday) {
      const actual = weekdayOf(date.day, date.month, year);
      if (actual !== date.weekday.value) problems.push({ kind: 'weekday', date, year, actual });
    }
  }
  return problems;
}

/**
 * Whether a sentence recounts the past: a compound past (a réuni, ont suivi, a pu, a
 * également permis, s'est tenue, ont eu lieu), « dernier » or « passé » after the date,
 * « retour sur ». An event the letter recounts is no stale announcement.
 */
export function recountsThePast(sentence: string): boolean {
  if (RECOUNTING.test(sentence)) return true;
  const words = sentence.toLowerCase().split(new RegExp(`[^${LETTERS}'’]+`)).filter(Boolean);
  for (let index = 0; index < words.length; index++) {
    const written = words[index]!;
    const word = written.replace(/^(?:s|n|qu)['’]/, '');
    // « est » and « sont » make a past only for a reflexive verb (s'est tenue); else a present passive (est organisé).
    const reflexive = BE.has(word) && (/^s['’]/.test(written) || words[index - 1] === 'se');
    if (!HAVE.has(word) && !reflexive) continue;
    for (let next = index + 1; next < Math.min(words.length, index + 4); next++) {
      const candidate = words[next]!;
      if (PARTICIPLE.test(candidate) && !NOT_A_PARTICIPLE.has(candidate)) return true;
      if (!ADVERB.test(candidate)) break;
    }
  }
  return false;
}

const RECOUNTING = new RegExp(`(?<![${LETTERS}])(?:dernier|dernière|derniers|dernières|passé|passée|passés|passées|retour sur|était|étaient|fut|furent)(?![${LETTERS}])`, 'i');
const HAVE = new Set(['a', 'ont', 'avait', 'avaient', 'avons', 'avez', 'eut', 'eurent']);
const BE = new Set(['est', 'sont', 'était', 'étaient']);
const PARTICIPLE = new RegExp(`^[${LETTERS}]*(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|erts|ertes|eint|einte|eints|eintes)$`);
/** Words after « a » that look like participles and are not: il a lieu, elle a accès. */
const NOT_A_PARTICIPLE = new Set(['lieu', 'accès', 'droit', 'ainsi', 'aussi', 'ici', 'parmi', 'lui', 'qui', 'tout', 'plus', 'une', 'vocation', 'envie', 'besoin', 'hâte']);
/** What may stand between an auxiliary and its participle: a n'a pas été, ont également permis. */
const ADVERB = new RegExp(`^(?:pas|plus|jamais|déjà|bien|très|aussi|ainsi|encore|toujours|enfin|ensuite|notamment|beaucoup|tous|toutes|tout|[${LETTERS}]+ment)$`);

/**
 * A date that names a text or the start of what goes on, not an event to come: « le décret
 * n° 2024-1012 du 12 novembre 2024 », « la loi du 21 février 2022 », « depuis le 1er décembre ».
 */
const CITATION = new RegExp(`(?:(?<![${LETTERS}])(?:décret|loi|arrêté|ordonnance|circulaire|délibération|instruction|directive|règlement|convention|avenant)(?![${LETTERS}])[^.;:!?]{0,40}(?<![${LETTERS}])du|(?<![${LETTERS}])depuis(?:\\s+le)?)\\s*$`, 'i');

export function isCitationOrStart(before: string): boolean {
  return CITATION.test(before.replace(/[\s\u00a0\u202f]+/g, ' ').replace(/(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s*$/i, ''));
}

/** The sentence around an offset: from the last . ! ? or blank line before it to the next one. */
export function sentenceAround(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && !/[.!?…]/.test(text[start - 1]!) && !(text[start - 1] === '\n' && text[start - 2] === '\n')) start--;
  let end = offset;
  while (end < text.length && !/[.!?…]/.test(text[end]!) && !(text[end] === '\n' && text[end + 1] === '\n')) end++;
  return { start, end };
}

/** A written date already past on the date, in a sentence that announces rather than recounts. */
export interface PastDate {
  date: WrittenDate;
  year: number;
}

/**
 * Dates before `reference` that read as announcements. Days that share a month count as
 * one event, past when its last day is: « du 14 au 18 janvier » is current on the 16th.
 */
export function pastDates(text: string, reference: IsoDate): PastDate[] {
  const past: PastDate[] = [];
  const dates = findDates(text);
  for (let index = 0; index < dates.length; index++) {
    const date = dates[index]!;
    let last = date;
    while (dates[index + 1]?.event === date.event) last = dates[++index]!;
    const lastYear = resolveYear(last, reference);
    if (!isRealDay(last.day, last.month, lastYear) || isoDate(last.day, last.month, lastYear) >= reference) continue;
    const sentence = sentenceAround(text, date.start);
    if (recountsThePast(text.slice(sentence.start, sentence.end)) || isCitationOrStart(text.slice(sentence.start, date.start))) continue;
    past.push({ date, year: resolveYear(date, reference) });
  }
  return past;
}
