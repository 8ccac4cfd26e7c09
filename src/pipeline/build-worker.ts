import { join } from 'node:path';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { TemplateError, UsageError } from '../errors.js';
import type { IssueFile } from '../project.js';
import { compileTemplate } from '../render/index.js';
import type { TargetName } from '../template/model.js';
import { buildIssue, type BuildOptions } from './build.js';
import { JobCursor } from './job-cursor.js';
import { toReport } from './report.js';
import { rememberBuild, type BuildMemory } from './remembered-build.js';
import { openSession } from './session.js';

/** What every worker is started with: enough to open the session itself. */
export interface WorkerSetup {
  root: string;
  templateName: string;
  target: TargetName;
  outDir: string;
  write: boolean;
}

/** The rest of a worker's workerData: every job, and the cursor all threads take them from. */
export interface WorkerJobs {
  jobs: readonly IssueFile[];
  /** Where each job's build is remembered (remembered-build.ts). */
  memories: readonly (BuildMemory | undefined)[];
  cursor: SharedArrayBuffer;
}

/** A failure crossing from a worker: its class is lost on the way, so its user-facing parts travel as data. */
export interface WorkerFailure {
  message: string;
  text?: { fr: string; en: string };
  diagnostic?: TemplateError['diagnostic'];
}

export function describeFailure(error: unknown): WorkerFailure {
  return {
    message: error instanceof Error ? error.message : String(error),
    text: error instanceof UsageError ? error.text : undefined,
    diagnostic: error instanceof TemplateError ? error.diagnostic : undefined,
  };
}

// Run only as a worker thread of build-many.ts: builds the issues it takes until none is left.
if (parentPort) {
  const port = parentPort;
  const { setup, jobs, memories, cursor: shared } = workerData as { setup: WorkerSetup } & WorkerJobs;
  let options: BuildOptions | undefined;
  try {
    const session = openSession({ root: setup.root, issuesDir: join(setup.root, 'issues') }, setup.templateName);
    options = { session, compiled: compileTemplate(session.template), target: setup.target, outDir: setup.outDir, write: setup.write };
  } catch (error) {
    // A mistake in the template, reported with its file and line as in a single thread; the main thread stops every worker.
    port.postMessage({ index: -1, error: describeFailure(error) });
  }
  if (options) void buildTaken(port, options, { jobs, memories }, new JobCursor(jobs.length, shared));
}

async function buildTaken(port: MessagePort, options: BuildOptions, { jobs, memories }: Omit<WorkerJobs, 'cursor'>, cursor: JobCursor): Promise<void> {
  for (let index = cursor.take(); index !== undefined; index = cursor.take()) {
    try {
      const report = toReport(await buildIssue(jobs[index]!, options), options.write);
      rememberBuild(memories[index], report, options.session.numbers);
      port.postMessage({ index, report });
    } catch (error) {
      return port.postMessage({ index, error: describeFailure(error) });
    }
  }
  // None left: the thread ends on its own, and saves what it learnt at its exit.
  port.postMessage(null);
  port.close();
}
