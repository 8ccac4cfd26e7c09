import { basename } from 'node:path';
import { folderNameOf } from '../../project.js';
import { defineRule } from '../rule.js';
import { valuePosition } from '../header.js';

export default defineRule({
  id: 'number-matches-folder',
  severity: 'error',
  description: { fr: 'Le numéro de l’en-tête est celui du dossier (issues/042 → number: 42)', en: "The header's number is the folder's (issues/042 → number: 42)" },
  check({ issue }, report) {
    const folder = basename(issue.folder);
    const { number } = issue.data;
    if (!/^\d{3}$/.test(folder)) {
      const wanted = typeof number === 'number' && Number.isInteger(number) && number > 0 && number < 1000 ? folderNameOf(number) : 'NNN';
      report(valuePosition(issue, 'number'), {
        fr: `Le dossier « ${folder} » n'est pas un numéro à trois chiffres : rangez issue.md dans issues/${wanted}/.`,
        en: `The folder "${folder}" is not a three-digit number: put issue.md in issues/${wanted}/.`,
      });
      return;
    }
    // A missing or mistyped number is front-matter's to report.
    if (typeof number !== 'number' || !Number.isInteger(number) || number === Number(folder)) return;
    report(valuePosition(issue, 'number'), {
      fr: `Le numéro ${number} ne correspond pas au dossier ${folder} : écrivez « number: ${Number(folder)} », ou rangez le numéro dans issues/${folderNameOf(number)}/.`,
      en: `The number ${number} does not match the folder ${folder}: write "number: ${Number(folder)}", or move the issue to issues/${folderNameOf(number)}/.`,
    });
  },
});
