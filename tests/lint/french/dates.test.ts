import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/index.js';
import { dateProblems, findDates, pastDates, recountsThePast, resolveYear } from '../../../src/text/french/dates.js';
import { runPvd } from '../../helpers.js';
import { lintIn, SOURCE_042 } from '../support.js';
import { projectCopies } from './support.js';

const makeProject = projectCopies();

/** Each date found: the text it spans, the day it names, the offset of its day and of its weekday. */
const found = (text: string) => findDates(text).map((date) => ({
  text: text.slice(date.start, date.end), day: date.day, month: date.month, year: date.year, dayAt: date.dayStart, weekday: date.weekday && [date.weekday.value, date.weekday.start],
}));

describe('dates in French prose', () => {
  it.each([
    ['le 14 janvier', [{ text: '14 janvier', day: 14, month: 1, year: undefined, dayAt: 3, weekday: undefined }]],
    ['mardi 14 janvier 2025', [{ text: 'mardi 14 janvier 2025', day: 14, month: 1, year: 2025, dayAt: 6, weekday: [2, 0] }]],
    ['le 14/01/2025 à 14 h 30', [{ text: '14/01/2025', day: 14, month: 1, year: 2025, dayAt: 3, weekday: undefined }]],
    ['le 1er mars', [{ text: '1er mars', day: 1, month: 3, year: undefined, dayAt: 3, weekday: undefined }]],
    ['Le mardi\u00a015 janvier de 14h00 à 15h00', [{ text: 'mardi\u00a015 janvier', day: 15, month: 1, year: undefined, dayAt: 9, weekday: [2, 3] }]],
    ['le 7 sept. 2025, les sept communes', [{ text: '7 sept. 2025', day: 7, month: 9, year: 2025, dayAt: 3, weekday: undefined }]],
    ['le 3.02.2025, pas la version 1.2.24', [{ text: '3.02.2025', day: 3, month: 2, year: 2025, dayAt: 3, weekday: undefined }]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('reads days that share a month, each with its weekday', () => {
    expect(found('du 3 au 5 février').map(({ day, month, dayAt }) => [day, month, dayAt])).toEqual([[3, 2, 3], [5, 2, 8]]);
    expect(found('les jeudi 5 et vendredi 6 juin').map(({ day, weekday }) => [day, weekday])).toEqual([[5, [4, 4]], [6, [5, 15]]]);
    expect(found('du lundi 3 au mercredi 5 février').map(({ day, month, weekday }) => [day, month, weekday])).toEqual([[3, 2, [1, 3]], [5, 2, [3, 14]]]);
    expect(found('le 14/01/25').map(({ day, month, year }) => [day, month, year])).toEqual([[14, 1, 2025]]);
  });

  it('gives the year of the second date of a range to the first, the one before when the months wrap', () => {
    expect(found('du 30 décembre au 2 janvier 2025').map(({ day, year }) => [day, year])).toEqual([[30, 2024], [2, 2025]]);
    expect(found('du 30 janvier au 2 février 2025').map(({ day, year }) => [day, year])).toEqual([[30, 2025], [2, 2025]]);
  });

  it('reads no date in times, counts and numbers', () => {
    expect(findDates('à 14h00, de 14 h 30 à 15 h, les 4 communes, 4 430 aides, en 2025, la 4e édition, n°1')).toEqual([]);
  });

  it('takes the year nearest to the send date when the text has none, never today', () => {
    expect(resolveYear({ day: 15, month: 1, year: undefined }, '2025-01-20')).toBe(2025);
    expect(resolveYear({ day: 17, month: 12, year: undefined }, '2025-01-20')).toBe(2024);
    expect(resolveYear({ day: 10, month: 1, year: undefined }, '2024-12-16')).toBe(2025);
    expect(resolveYear({ day: 15, month: 7, year: undefined }, '2025-01-15')).toBe(2025);
    expect(resolveYear({ day: 15, month: 7, year: 2023 }, '2025-01-15')).toBe(2023);
  });

  it('lets the weekday settle a near tie, six months either way, but never move a date a year away', () => {
    // 17 June 2024 is a Monday, one day nearer to 16 December 2024 than 17 June 2025, a Tuesday.
    expect(dateProblems('Les rencontres nationales auront lieu le mardi 17 juin à Paris.', '2024-12-16')).toEqual([]);
    expect(pastDates('Les rencontres nationales auront lieu le mardi 17 juin à Paris.', '2024-12-16')).toEqual([]);
    expect(dateProblems('Bilan le lundi 17 juin.', '2024-12-16')).toEqual([]);
    // 15 January 2026 is a Thursday, but thirteen months away: « jeudi 15 janvier » stays a wrong weekday for 2025.
    expect(dateProblems('Le jeudi 15 janvier, webinaire.', '2024-12-16').map((problem) => [problem.kind, problem.year])).toEqual([['weekday', 2025]]);
  });

  it('finds a weekday that does not match its date, and a day that does not exist', () => {
    expect(dateProblems('Le mardi 15 janvier, puis le lundi 3 février et le 31 novembre.', '2025-01-20').map((problem) => [problem.kind, problem.date.day, problem.year, problem.kind === 'weekday' ? problem.actual : undefined])).toEqual([
      ['weekday', 15, 2025, 3],
      ['impossible', 31, 2024, undefined],
    ]);
    expect(dateProblems('le samedi 29 février 2025', '2025-01-20').map((problem) => problem.kind)).toEqual(['impossible']);
    expect(dateProblems('le jeudi 29 février', '2024-01-20')).toEqual([]);
  });

  it('tells a sentence that recounts the past from one that announces', () => {
    for (const sentence of ['Les rencontres ont suivi celles de Lyon.', "L'équipe a pu participer.", 'Elle s’est tenue à Loudéac.', 'Ils ont également permis des échanges.', 'Le 10 janvier dernier, la commune', 'Le webinaire a eu lieu.', "Il n'a pas été annulé."]) {
      expect([sentence, recountsThePast(sentence)]).toEqual([sentence, true]);
    }
    for (const sentence of ['Le webinaire aura lieu le 14 janvier.', 'Le webinaire a lieu le 14 janvier.', 'Il est organisé par le Cerema.', 'Participez au webinaire !', 'La commune a une idée.']) {
      expect([sentence, recountsThePast(sentence)]).toEqual([sentence, false]);
    }
  });

  it('takes a cited text, a start and a narration in the imperfect for what they are, not for stale announcements', () => {
    const past = (text: string) => pastDates(text, '2024-12-16').map((found) => found.date.day);
    expect(past('Conformément au décret n° 2024-1012 du 12 novembre 2024, les communes délibèrent.')).toEqual([]);
    expect(past('La loi du 21 février 2022 relative à la différenciation, et l’arrêté du 3 mars 2023.')).toEqual([]);
    expect(past('Depuis le 1er décembre, la plateforme est ouverte.')).toEqual([]);
    expect(past('Le 10 décembre, 150 élus étaient présents.')).toEqual([]);
    // Still announcements: the webinar, the meeting.
    expect(past('Inscrivez-vous au webinaire du mardi 10 décembre.')).toEqual([10]);
    expect(past('La réunion du 3 décembre aura lieu en mairie, selon la loi.')).toEqual([3]);
  });

  it('finds announcements already past, a range only once its last day is', () => {
    const text = 'Le mardi 17 décembre, participez au webinaire ! Du 14 au 22 janvier, une exposition. Du 2 au 12 janvier, un concours. Le 8 janvier, la rencontre s’est tenue à Toul.';
    expect(pastDates(text, '2025-01-20').map(({ date, year }) => [text.slice(date.start, date.end), date.day, year])).toEqual([
      ['mardi 17 décembre', 17, 2024],
      ['2 au 12 janvier', 2, 2025],
    ]);
    expect(pastDates('Le 20 janvier, rendez-vous.', '2025-01-20')).toEqual([]);
  });
});

describe('the date rules on an issue', () => {
  const only = (rule: string, diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.rule === rule);
  const lineOf = (text: string) => SOURCE_042.split('\n').findIndex((line) => line.includes(text)) + 1;

  it('pass #42: its weekdays match, and its past dates are recounted', () => {
    const diagnostics = lintIn(makeProject(), SOURCE_042);
    expect([...only('date-weekday', diagnostics), ...only('date-past', diagnostics)]).toEqual([]);
  });

  it('date-weekday names the real weekday, at the weekday, with the year from the send date', () => {
    const source = SOURCE_042.replace('date: 2024-12-16', 'date: 2025-01-06').replace('Le mardi 14 janvier', 'Le mardi 15 janvier');
    const [found] = only('date-weekday', lintIn(makeProject(), source));
    expect(found).toMatchObject({ line: lineOf('Le mardi 14 janvier'), column: 4, severity: 'error' });
    expect(found!.message).toEqual({
      fr: '« mardi 15 janvier » : le 15 janvier 2025 est un mercredi, pas un mardi. Corrigez le jour de la semaine ou la date.',
      en: '"mardi 15 janvier": 15 January 2025 is a Wednesday, not a Tuesday. Correct the weekday or the date.',
    });
  });

  it('date-weekday reports a day that does not exist, at its number', () => {
    const [found] = only('date-weekday', lintIn(makeProject(), SOURCE_042.replace('le 16 janvier 2025', 'le 31 novembre 2025')));
    expect(found).toMatchObject({ line: lineOf('le 16 janvier 2025'), column: SOURCE_042.split('\n')[lineOf('le 16 janvier 2025') - 1]!.indexOf('16 janvier') + 1 });
    expect(found!.message.fr).toBe('« 31 novembre 2025 » : ce jour n’existe pas en 2025. Corrigez la date.');
  });

  it('date-past warns about announcements past on the send date, in a ready issue only', () => {
    const later = SOURCE_042.replace('date: 2024-12-16', 'date: 2025-01-20');
    const found = only('date-past', lintIn(makeProject(), later));
    expect(found.map(({ line, column, severity }) => [line, column, severity])).toEqual([
      [lineOf('Le mardi 14 janvier'), 4, 'warning'],
      [lineOf('Le mardi 17 décembre'), 4, 'warning'],
      [lineOf('le 16 janvier 2025'), SOURCE_042.split('\n')[lineOf('le 16 janvier 2025') - 1]!.indexOf('16 janvier') + 1, 'warning'],
    ]);
    expect(found[1]!.message).toEqual({
      fr: '« mardi 17 décembre » (le 17 décembre 2024) est déjà passé à la date d’envoi, le 20 janvier 2025 : mettez l’annonce à jour ou retirez-la. Si le texte raconte l’événement, écrivez-le au passé (« a eu lieu », « s’est tenu »).',
      en: '"mardi 17 décembre" (17 December 2024) is already past on the send date, 20 January 2025: update the announcement or remove it. If the text recounts the event, write it in the past tense ("a eu lieu", "s’est tenu").',
    });
    expect(found[2]!.message.fr).toMatch(/^« 16 janvier 2025 » est déjà passé/);
    expect(only('date-past', lintIn(makeProject(), later.replace('status: ready', 'status: draft')))).toEqual([]);
  });

  it('leaves dates in comments, code and addresses alone', () => {
    const source = SOURCE_042.replace('Directrice du programme PVD', 'Directrice du programme PVD <!-- mardi 15 janvier -->\n\n```\nmardi 15 janvier\n```\n\nVoir https://x.fr/mardi 15 janvier');
    expect(only('date-weekday', lintIn(makeProject(), source.replace('https://x.fr/mardi 15 janvier', 'https://x.fr/2025/01/15/mardi')))).toEqual([]);
  });
});

describe('pvd new and the carried-over dates', () => {
  it('says which carried-over passages announce a date already past on the new date, with their line', () => {
    const root = makeProject();
    const run = runPvd(['new', '--yes', '--number', '43', '--date', '2025-01-20', '--sections', 'services,voir-aussi', '--carry-over'], { cwd: root });
    expect(run.code).toBe(0);
    const text = readFileSync(join(root, 'issues', '043', 'issue.md'), 'utf8').split('\n');
    const line = (passage: string) => text.findIndex((candidate) => candidate.includes(passage)) + 1;
    const warnings = run.stdout.split('\n').filter((output) => output.includes('déjà passé'));
    expect(warnings).toEqual([
      `  ⚠ issues/043/issue.md:${line('Le mardi 17 décembre')} — « L'offre de services » annonce « mardi 17 décembre » (le 17 décembre 2024), déjà passé le lundi 20 janvier 2025 : mettez l'annonce à jour ou retirez-la.`,
      `  ⚠ issues/043/issue.md:${line('le 16 janvier 2025')} — « L'offre de services » annonce « 16 janvier 2025 », déjà passé le lundi 20 janvier 2025 : mettez l'annonce à jour ou retirez-la.`,
    ]);
  });

  it('says nothing when the carried-over dates are still to come', () => {
    const run = runPvd(['new', '--yes', '--number', '43', '--date', '2024-12-17', '--sections', 'services', '--carry-over'], { cwd: makeProject() });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('déjà passé');
  });
});
