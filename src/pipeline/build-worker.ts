import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { UsageError } from '../errors.js';
import { compileTemplate } from '../render/index.js';
import { loadTemplate } from '../template/load.js';
import type { TargetName } from '../template/model.js';
import { buildIssue } from './build.js';
import { toReport } from './report.js';

/** What every worker is started with: enough to load the template itself. */
export interface WorkerSetup {
  root: string;
  templateName: string;
  target: TargetName;
  outDir: string;
  write: boolean;
}

export interface WorkerJob {
  index: number;
  path: string;
  file: string;
}

// Run only as a worker thread of build-many.ts, one issue per message.
if (parentPort) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  const template = loadTemplate(setup.root, setup.templateName);
  const options = {
    template,
    compiled: compileTemplate(template),
    project: { root: setup.root, issuesDir: join(setup.root, 'issues') },
    target: setup.target,
    outDir: setup.outDir,
    write: setup.write,
  };
  port.on('message', (job: WorkerJob) => {
    buildIssue(job.path, job.file, options).then(
      (result) => port.postMessage({ index: job.index, report: toReport(result) }),
      (error: unknown) => port.postMessage({
        index: job.index,
        error: { message: error instanceof Error ? error.message : String(error), text: error instanceof UsageError ? error.text : undefined },
      }),
    );
  });
}
