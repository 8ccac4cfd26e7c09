import { join } from 'node:path';
import { folderNameOf } from '../project.js';
import type { CatalogSection } from '../template/model.js';
import { LineIndex } from '../text/positions.js';
import type { Answers } from './answers.js';
import { carryOver, type CarriedPastDate } from './carry-over.js';
import type { NumberDefaults, ScaffoldContext } from './context.js';
import { createIssueFolder } from './create.js';
import { scaffoldText } from './issue-text.js';

/** What was made, for the summary printed after. */
export interface MadeIssue {
  folder: string;
  file: string;
  sections: CatalogSection[];
  /** Ids of the sections copied from the previous issue. */
  carried: string[];
  previousNumber: number | undefined;
  copiedImages: number;
  missingImages: string[];
  /** Carried-over announcements already past on the new date, with their line in issue.md. */
  pastDates: (CarriedPastDate & { line: number })[];
}

/** Answers → issue.md text and images to copy → issues/NNN/, created at once. */
export function makeIssue(context: ScaffoldContext, answers: Answers, defaults: NumberDefaults): MadeIssue {
  const catalog = context.template.config.sections;
  const sections = catalog.filter((section) => section.required || answers.sections.includes(section.id));
  const carriedIds = answers.carryOver && defaults.previous
    ? defaults.recurring.filter((section) => answers.sections.includes(section.id)).map((section) => section.id)
    : [];
  const carried = defaults.previous
    ? carryOver(defaults.previous, carriedIds, answers.date)
    : { markdown: new Map<string, string>(), images: [], missingImages: [], credits: [], pastDates: [] };
  const issueText = scaffoldText({
    number: answers.number,
    date: answers.date,
    subject: answers.subject,
    preheader: answers.preheader,
    credits: carried.credits,
    sections,
    carried: carried.markdown,
  });
  const folder = createIssueFolder(context.project.issuesDir, folderNameOf(answers.number), { issueText, images: carried.images });
  const lines = new LineIndex(issueText);
  return {
    folder,
    file: join(folder, 'issue.md'),
    sections,
    carried: [...carried.markdown.keys()],
    previousNumber: defaults.previous?.number,
    copiedImages: carried.images.length,
    missingImages: carried.missingImages,
    pastDates: carried.pastDates.map((past) => {
      const offset = issueText.indexOf(carried.markdown.get(past.sectionId)!) + past.offset;
      return { ...past, line: lines.positionAt(offset).line };
    }),
  };
}
