import type { Message } from '../i18n/lang.js';
import { openTemplate } from '../pipeline/session.js';
import { findProject, issueFolderNames, listIssues, type IssueRef, type Project } from '../project.js';
import type { CatalogSection, Template } from '../template/model.js';
import { describeWeekdayOfMonth, sameWeekdayFrom, sameWeekdayNextMonth, today, weekdayOfMonth, type IsoDate } from './dates.js';
import { findPreviousRef, readPreviousIssue, type PreviousIssue } from './previous-issue.js';

/** What `pvd new` knows before asking anything. */
export interface ScaffoldContext {
  project: Project;
  template: Template;
  issues: IssueRef[];
  /** Three-digit folders of issues/, even without an issue.md yet: a new issue never takes one. */
  takenFolders: string[];
  today: IsoDate;
}

export function loadScaffoldContext(): ScaffoldContext {
  const project = findProject();
  return { project, template: openTemplate(project), issues: listIssues(project), takenFolders: issueFolderNames(project), today: today() };
}

/** The highest number taken in issues/ plus one (gaps are left alone), or 1 for the very first issue. */
export function nextNumber(takenFolders: readonly string[]): number {
  return Number(takenFolders.at(-1) ?? 0) + 1;
}

export function optionalSections(template: Template): CatalogSection[] {
  return template.config.sections.filter((section) => !section.required);
}

/** The defaults that follow from the chosen number: they depend on the issue before it. */
export interface NumberDefaults {
  previous: PreviousIssue | undefined;
  date: IsoDate;
  /** The first date of the same rhythm from today: offered when `date` is already past. */
  upcomingDate: IsoDate;
  /** Why this date, shown beside the question: « le 3e lundi du mois, comme le n° 42 ». */
  dateReason: Message;
  /** The optional sections the previous issue had, pre-checked. */
  sections: string[];
  /** Recurring sections the previous issue has, which can be carried over. */
  recurring: CatalogSection[];
}

export function defaultsFor(context: ScaffoldContext, number: number): NumberDefaults {
  const ref = findPreviousRef(context.issues, number);
  const previous = ref ? readPreviousIssue(ref, context.template) : undefined;
  const catalog = context.template.config.sections;
  // With no dated issue before, today stands in for it: the same weekday-of-month, next month.
  const reference = previous?.date ?? context.today;
  const rhythm = describeWeekdayOfMonth(weekdayOfMonth(reference), !previous?.date);
  const dateReason: Message = previous?.date
    ? { fr: `${rhythm.fr}, comme le n° ${previous.number}`, en: `${rhythm.en}, like issue ${previous.number}` }
    : rhythm;
  const date = sameWeekdayNextMonth(reference);
  return {
    previous,
    date,
    upcomingDate: sameWeekdayFrom(date, context.today),
    dateReason,
    sections: catalog.filter((section) => !section.required && previous?.sections.has(section.id)).map((section) => section.id),
    recurring: catalog.filter((section) => section.recurring && previous?.sections.has(section.id)),
  };
}
