/** What rules read of an issue's header: its status, and where each key's value sits. */
import type { Position, Severity } from '../diagnostics/index.js';
import type { Issue } from '../issue/model.js';

/** Placeholders are expected while drafting: a warning in a draft issue, an error in any other. */
export function placeholderSeverity(issue: Issue): Severity {
  return issue.data.status === 'draft' ? 'warning' : 'error';
}

/** Where a front-matter key's value sits, or the key, or the top of the file. */
export function valuePosition(issue: Issue, key: string): Position {
  const entry = issue.keys.find((candidate) => candidate.key === key);
  return entry?.valuePosition ?? entry?.position ?? { line: 1, column: 1 };
}

/** A front-matter string value as written, if it is one. */
export function stringValue(issue: Issue, key: string): string | undefined {
  const value = issue.data[key];
  return typeof value === 'string' ? value : undefined;
}
