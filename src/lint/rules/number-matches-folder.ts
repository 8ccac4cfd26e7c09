import { basename } from 'node:path';
import { folderNameOf, isIssueFolderName, isIssueNumber } from '../../project.js';
import { valuePosition } from '../header.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'number-matches-folder',
  severity: 'error',
  description: { fr: 'Le numéro de l’en-tête est celui du dossier (issues/042 → number: 42)', en: "The header's number is the folder's (issues/042 → number: 42)" },
  messages: {
    folderName: {
      fr: "Le dossier « {folder} » n'est pas un numéro à trois chiffres : rangez issue.md dans issues/{wanted}/.",
      en: 'The folder "{folder}" is not a three-digit number: put issue.md in issues/{wanted}/.',
    },
    mismatch: {
      fr: 'Le numéro {number} ne correspond pas au dossier {folder} : écrivez « number: {folderNumber} », ou rangez le numéro dans issues/{wanted}/.',
      en: 'The number {number} does not match the folder {folder}: write "number: {folderNumber}", or move the issue to issues/{wanted}/.',
    },
  },
  create({ issue, report }) {
    return {
      issue() {
        const folder = basename(issue.folder);
        const { number } = issue.data;
        const at = valuePosition(issue, 'number');
        if (!isIssueFolderName(folder)) {
          report({ at, messageId: 'folderName', data: { folder, wanted: isIssueNumber(number) ? folderNameOf(number) : 'NNN' } });
        } else if (isIssueNumber(number) && number !== Number(folder)) {
          // A missing or mistyped number is front-matter's to report.
          report({ at, messageId: 'mismatch', data: { number, folder, folderNumber: Number(folder), wanted: folderNameOf(number) } });
        }
      },
    };
  },
});
