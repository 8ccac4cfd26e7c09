import { resolve } from 'node:path';
import { declaredNumbers } from '../issue/declared-number.js';
import { listIssues, type Project } from '../project.js';

/** The issue.md files of issues/ by the `number:` each declares. */
export interface IssueNumbers {
  /** Absolute paths of the files declaring `number`, in the order of their folders. */
  filesDeclaring(number: number): readonly string[];
}

/**
 * Read on first use and kept for the session: linting every issue of `pvd build --all`
 * reads each header once, not once per issue (121 issues were 14,000 file reads). A session
 * is one command run or one preview render, so an edit is seen by the next.
 */
export function issueNumbers(project: Project): IssueNumbers {
  let byNumber: Map<number, string[]> | undefined;
  return {
    filesDeclaring(number) {
      byNumber ??= indexByNumber(project);
      return byNumber.get(number) ?? [];
    },
  };
}

function indexByNumber(project: Project): Map<number, string[]> {
  const byNumber = new Map<number, string[]>();
  const paths = listIssues(project).map((ref) => resolve(ref.path));
  for (const [path, number] of declaredNumbers(paths, resolve(project.issuesDir))) {
    if (number === undefined) continue;
    const files = byNumber.get(number) ?? [];
    files.push(path);
    byNumber.set(number, files);
  }
  return byNumber;
}
