import { relative, resolve, sep } from 'node:path';
import { resolveInsideFolder } from '../io/paths.js';
import { normalizeTitle } from '../template/catalog.js';
import { pastDates } from '../text/french/dates.js';
import { maskNonProse } from '../text/french/words.js';
import { isRemoteImage } from '../text/urls.js';
import type { PreviousIssue } from './previous-issue.js';

/** A file of the previous issue's folder to copy into the new one, at the same relative path. */
export interface ImageCopy {
  from: string;
  /** Relative to the issue folder, with the platform's separators. */
  to: string;
}

export interface CarriedSections {
  /** Section id → its Markdown, verbatim. */
  markdown: Map<string, string>;
  images: ImageCopy[];
  /** Images the carried sections name but the previous issue lacks: lint will report them. */
  missingImages: string[];
  /** The previous issue's credits that the carried images still need. */
  credits: string[];
  /** Announcements of the carried sections already past on the new issue's date. */
  pastDates: CarriedPastDate[];
}

/** « mardi 17 décembre » carried into an issue sent on 20 January: to update or remove. */
export interface CarriedPastDate {
  sectionId: string;
  /** As written. */
  text: string;
  day: number;
  month: number;
  year: number;
  /** Whether the text writes the year, or it was taken as the nearest to the new date. */
  yearWritten: boolean;
  /** Offset in the section's Markdown. */
  offset: number;
}

/**
 * Takes the recurring sections verbatim from the previous issue, with the local images they
 * show (copied, so that the new issue's links resolve) and the credits of those images.
 */
export function carryOver(previous: PreviousIssue, ids: readonly string[], sendDate: string): CarriedSections {
  const carried: CarriedSections = { markdown: new Map(), images: [], missingImages: [], credits: [], pastDates: [] };
  const imageCredits: string[] = [];
  for (const id of ids) {
    const section = previous.sections.get(id);
    if (!section) continue;
    carried.markdown.set(id, section.markdown);
    const prose = maskNonProse(section.markdown);
    for (const { date, year } of pastDates(prose, sendDate)) {
      carried.pastDates.push({ sectionId: id, text: prose.slice(date.start, date.end).replace(/\s+/g, ' '), day: date.day, month: date.month, year, yearWritten: date.year !== undefined, offset: date.start });
    }
    for (const image of section.images) {
      if (image.credit) imageCredits.push(normalizeTitle(image.credit));
      if (image.src.trim() === '' || isRemoteImage(image.src)) continue;
      const local = resolveInsideFolder(previous.folder, image.src);
      // An image outside the folder is not copied: lint's image-outside rule reports it as before.
      if (local.kind === 'outside') continue;
      if (local.kind === 'missing') {
        carried.missingImages.push(image.src);
        continue;
      }
      const to = relative(previous.folder, resolve(previous.folder, decodePath(image.src)));
      if (to === '' || to.startsWith(`..${sep}`) || !carried.images.every((copy) => copy.to !== to)) continue;
      carried.images.push({ from: local.path, to });
    }
  }
  carried.credits = previous.credits.filter((credit) => imageCredits.some((text) => text.includes(normalizeTitle(credit))));
  return carried;
}

function decodePath(written: string): string {
  try {
    return decodeURIComponent(written);
  } catch {
    return written;
  }
}
