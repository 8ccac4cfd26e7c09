import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { UsageError } from '../errors.js';
import type { IssueFile } from '../project.js';
import { compileTemplate } from '../render/index.js';
import type { TargetName } from '../template/model.js';
import { buildIssue } from './build.js';
import { toReport } from './report.js';
import { openSession } from './session.js';

/** What every worker is started with: enough to open the session itself. */
export interface WorkerSetup {
  root: string;
  templateName: string;
  target: TargetName;
  outDir: string;
  write: boolean;
}

export interface WorkerJob {
  index: number;
  job: IssueFile;
}

// Run only as a worker thread of build-many.ts, one issue per message.
if (parentPort) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  const session = openSession({ root: setup.root, issuesDir: join(setup.root, 'issues') }, setup.templateName);
  const options = { session, compiled: compileTemplate(session.template), target: setup.target, outDir: setup.outDir, write: setup.write };
  port.on('message', ({ index, job }: WorkerJob) => {
    buildIssue(job, options).then(
      (result) => port.postMessage({ index, report: toReport(result) }),
      (error: unknown) => port.postMessage({
        index,
        error: { message: error instanceof Error ? error.message : String(error), text: error instanceof UsageError ? error.text : undefined },
      }),
    );
  });
}
