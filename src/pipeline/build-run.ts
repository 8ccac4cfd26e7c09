import { join } from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { prepareOutDir } from '../io/out-dir.js';
import { writeOwnedFile } from '../io/owned-file.js';
import type { IssueFile } from '../project.js';
import type { TargetName } from '../template/model.js';
import { buildMany } from './build-many.js';
import type { BuildReport } from './report.js';
import type { Session } from './session.js';

export interface BuildRunOptions {
  session: Session;
  target: TargetName;
  outDir: string;
  /** The one output to print instead of writing out/ (`--stdout html|text`). */
  stdout: 'html' | 'text' | undefined;
  /** Every issue of issues/ (`--all`): the web archive is rewritten too. */
  all: boolean;
}

export type BuiltReport = NonNullable<BuildReport['output']>;

export interface BuildRun {
  reports: BuildReport[];
  built: BuiltReport[];
  /** Diagnostics to show: with --stdout, only errors (the output itself goes to stdout). */
  problems: Diagnostic[];
  /** Issues not built: lint errors. */
  failed: number;
  /** Issues built with errors from the inbox checks: written, to fix before sending. */
  withInboxErrors: number;
  /** The web archive, when rewritten, and how many issues it lists. */
  archive: { path: string; count: number } | undefined;
  exitCode: 0 | 1;
}

const ARCHIVE_FILE = 'index.html';

/** `pvd build`: the issues through the pipeline, then the archive; exit 1 when one was refused or has inbox errors. */
export async function runBuild(targets: readonly IssueFile[], options: BuildRunOptions, onProgress?: (done: number) => void): Promise<BuildRun> {
  const write = options.stdout === undefined;
  const reports = await buildMany(targets, { session: options.session, target: options.target, outDir: options.outDir, write }, onProgress);
  const built = reports.flatMap((report) => (report.output ? [report.output] : []));
  const failed = reports.length - built.length;
  const withInboxErrors = reports.filter((report) => report.output && hasErrors(report.diagnostics)).length;
  const problems = reports.flatMap((report) => report.diagnostics.filter((diagnostic) => write || diagnostic.severity === 'error'));
  let archive: BuildRun['archive'];
  // Rewritten only when every issue built, so it never loses an issue that failed this time.
  // Drafts are not sent yet: the public archive leaves them out.
  if (options.all && write && failed === 0) {
    const outDir = prepareOutDir(options.session.project.root, options.outDir);
    const { isEarlierArchive, renderArchive } = await import('../render/archive.js');
    const listed = built.filter((issue) => issue.status === 'ready');
    // Listed in out/.pvd-manifest.json: an out/index.html that pvd did not write is never replaced.
    writeOwnedFile(outDir, ARCHIVE_FILE, renderArchive(listed, options.session.template), isEarlierArchive);
    archive = { path: join(outDir, ARCHIVE_FILE), count: listed.length };
  }
  return { reports, built, problems, failed, withInboxErrors, archive, exitCode: failed > 0 || withInboxErrors > 0 ? 1 : 0 };
}
