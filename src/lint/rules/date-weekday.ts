import { defineRule } from '../rule.js';
import { bodyProse, sendDate } from '../french/issue-text.js';
import { formatMessage, type Messages } from '../french/messages.js';
import { dateProblems, spelledDate, WEEKDAYS, WEEKDAYS_EN } from '../../text/french/dates.js';

export const messages: Messages<'weekday' | 'impossible'> = {
  weekday: {
    fr: '« {{written}} » : le {{date}} est un {{actual}}, pas un {{weekday}}. Corrigez le jour de la semaine ou la date.',
    en: '"{{written}}": {{date}} is a {{actual}}, not a {{weekday}}. Correct the weekday or the date.',
  },
  impossible: {
    fr: '« {{written}} » : ce jour n’existe pas en {{year}}. Corrigez la date.',
    en: '"{{written}}": there is no such day in {{year}}. Correct the date.',
  },
};

export default defineRule({
  id: 'date-weekday',
  severity: 'error',
  description: { fr: "Chaque jour de la semaine correspond à sa date (l'année est celle du texte, ou la plus proche de l'envoi)", en: 'Every weekday matches its date (the year is the one written, or the nearest to the send date)' },
  check({ issue }, report) {
    const reference = sendDate(issue);
    if (!reference || !/\d/.test(issue.source)) return;
    const body = bodyProse(issue);
    for (const problem of dateProblems(body.text, reference)) {
      const { date, year } = problem;
      const written = body.text.slice(date.weekday?.start ?? date.dayStart, date.end).replace(/\s+/g, ' ');
      if (problem.kind === 'impossible') {
        report(body.at(date.dayStart), formatMessage(messages.impossible, { written, year }));
        continue;
      }
      report(body.at(date.weekday!.start), formatMessage(messages.weekday, {
        written,
        date: spelledDate(date.day, date.month, year),
        actual: { fr: WEEKDAYS[problem.actual]!, en: WEEKDAYS_EN[problem.actual]! },
        weekday: { fr: WEEKDAYS[date.weekday!.value]!, en: WEEKDAYS_EN[date.weekday!.value]! },
      }));
    }
  },
});
