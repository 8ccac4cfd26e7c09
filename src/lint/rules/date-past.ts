import { pastDates, spelledDate } from '../../text/french/dates.js';
import { datedTexts, sendDate } from '../french/issue-text.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'date-past',
  severity: 'warning',
  description: { fr: "Un numéro prêt n'annonce aucun événement déjà passé à sa date d'envoi", en: 'A ready issue announces no event already past on its send date' },
  messages: {
    past: {
      fr: '« {written} »{resolved} est déjà passé à la date d’envoi, le {sendDate} : mettez l’annonce à jour ou retirez-la. Si le texte raconte l’événement, écrivez-le au passé (« a eu lieu », « s’est tenu »).',
      en: '"{written}"{resolved} is already past on the send date, {sendDate}: update the announcement or remove it. If the text recounts the event, write it in the past tense ("a eu lieu", "s’est tenu").',
    },
  },
  create({ issue, report }) {
    return {
      issue() {
        const reference = sendDate(issue);
        // A draft is still being written; its dates are checked once it is ready.
        if (!reference || issue.data.status !== 'ready' || !/\d/.test(issue.source)) return;
        const [year, month, day] = reference.split('-').map(Number) as [number, number, number];
        for (const body of datedTexts(issue)) {
          for (const past of pastDates(body.text, reference)) {
            const { date } = past;
            // The year the text leaves out is said, since it was inferred.
            const resolved = spelledDate(date.day, date.month, past.year);
            report({
              at: body.at(date.weekday?.start ?? date.dayStart), messageId: 'past',
              data: {
                written: body.text.slice(date.start, date.end).replace(/\s+/g, ' '),
                resolved: date.year === undefined ? { fr: ` (le ${resolved.fr})`, en: ` (${resolved.en})` } : '',
                sendDate: spelledDate(day, month, year),
              },
            });
          }
        }
      },
    };
  },
});
