import { resolve } from 'node:path';
import { declaredNumbers } from '../issue/declared-number.js';
import { listIssues, type Project } from '../project.js';

/** The issue.md files of issues/ by the `number:` each declares. */
export interface IssueNumbers {
  /** Absolute paths of the files declaring `number`, in the order of their folders. */
  filesDeclaring(number: number): readonly string[];
  /** The number the file at this absolute path declares, if any. */
  numberOf(path: string): number | undefined;
}

/**
 * Read on first use and kept for the session: linting every issue of `pvd build --all`
 * reads each header once, not once per issue (121 issues were 14,000 file reads). A session
 * is one command run or one preview render, so an edit is seen by the next.
 */
export function issueNumbers(project: Project): IssueNumbers {
  let index: { byNumber: Map<number, string[]>; byPath: Map<string, number | undefined> } | undefined;
  return {
    filesDeclaring(number) {
      index ??= indexNumbers(project);
      return index.byNumber.get(number) ?? [];
    },
    numberOf(path) {
      index ??= indexNumbers(project);
      return index.byPath.get(resolve(path));
    },
  };
}

function indexNumbers(project: Project) {
  const byNumber = new Map<number, string[]>();
  const paths = listIssues(project).map((ref) => resolve(ref.path));
  const byPath = declaredNumbers(paths, resolve(project.issuesDir));
  for (const [path, number] of byPath) {
    if (number === undefined) continue;
    const files = byNumber.get(number) ?? [];
    files.push(path);
    byNumber.set(number, files);
  }
  return { byNumber, byPath };
}
