import type { IssueFile } from '../project.js';
import type { Template } from '../template/model.js';
import type { LoadedIssue } from './parse.js';
import { parseIssueRemembered } from './remembered-parse.js';
import { readIssueSource } from './read.js';

export type { LoadedIssue };

/** The issue stage: bytes → text → the issue model with its parse problems. Throws UsageError only for paths that cannot be read. */
export function loadIssue(target: IssueFile, template: Template): LoadedIssue {
  const read = readIssueSource(target.path, target.file);
  if (!read.ok) return { issue: undefined, problems: [read.diagnostic] };
  return parseIssueRemembered(read.source, target.path, target.file, template.config.sections);
}

/** The same stage on text already read (`--fix` parses what it just fixed). */
export function loadIssueSource(source: string, target: IssueFile, template: Template): LoadedIssue {
  return parseIssueRemembered(source, target.path, target.file, template.config.sections);
}
