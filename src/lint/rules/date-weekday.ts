import { WEEKDAYS, WEEKDAYS_EN } from '../../text/dates.js';
import { dateProblems, spelledDate } from '../../text/french/dates.js';
import { datedTexts, sendDate } from '../french/issue-text.js';
import { placeholderSeverity } from '../header.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'date-weekday',
  severity: 'error',
  description: { fr: "Chaque jour de la semaine correspond à sa date (l'année est celle du texte, ou la plus proche de l'envoi) : erreur dans un numéro prêt, avertissement dans un brouillon", en: 'Every weekday matches its date (the year is the one written, or the nearest to the send date): an error in a ready issue, a warning in a draft' },
  messages: {
    weekday: {
      fr: '« {written} » : le {date} est un {actual}, pas un {weekday}. Corrigez le jour de la semaine ou la date.',
      en: '"{written}": {date} is a {actual}, not a {weekday}. Correct the weekday or the date.',
    },
    impossible: {
      fr: '« {written} » : ce jour n’existe pas en {year}. Corrigez la date.',
      en: '"{written}": there is no such day in {year}. Correct the date.',
    },
  },
  create({ issue, report }) {
    return {
      issue() {
        const reference = sendDate(issue);
        if (!reference || !/\d/.test(issue.source)) return;
        // A draft is still being written: its dates are pointed out, not yet refused.
        const severity = placeholderSeverity(issue);
        for (const body of datedTexts(issue)) {
          for (const problem of dateProblems(body.text, reference)) {
            const { date, year } = problem;
            const written = body.text.slice(date.weekday?.start ?? date.dayStart, date.end).replace(/\s+/g, ' ');
            if (problem.kind === 'impossible') {
              report({ at: body.at(date.dayStart), messageId: 'impossible', data: { written, year }, severity });
              continue;
            }
            report({
              at: body.at(date.weekday!.start), messageId: 'weekday', severity,
              data: {
                written,
                date: spelledDate(date.day, date.month, year),
                actual: { fr: WEEKDAYS[problem.actual]!, en: WEEKDAYS_EN[problem.actual]! },
                weekday: { fr: WEEKDAYS[date.weekday!.value]!, en: WEEKDAYS_EN[date.weekday!.value]! },
              },
            });
          }
        }
      },
    };
  },
});
