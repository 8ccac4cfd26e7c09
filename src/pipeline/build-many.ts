import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TemplateError, UsageError } from '../errors.js';
import { prepareOutDir } from '../io/out-dir.js';
import { recoverOutputs } from '../io/output-folder.js';
import type { IssueFile } from '../project.js';
import type { BuildOptions } from './build.js';
import { toReport, type BuildReport } from './report.js';
import type { WorkerFailure, WorkerJob, WorkerSetup } from './build-worker.js';

/** Below this many issues, starting threads costs more than it saves. */
const PARALLEL_FROM = 8;

// Threads start on the launcher beside the compiled CLI in dist/ (see scripts/compile.mjs), which
// runs the build-worker bundle with its code cache.
const WORKER = new URL('./launch-worker.cjs', import.meta.url);

/** What a build needs besides the template compiled: each thread compiles its own. */
export type BuildSettings = Omit<BuildOptions, 'compiled'>;

/**
 * Builds many issues, in order of the jobs, on every core: each issue is independent and
 * CPU-bound (Markdown, juice, MIME), so `pvd build --all` scales with the machine.
 * `onReport` is called as each issue finishes (for the progress line).
 */
export async function buildMany(jobs: readonly IssueFile[], settings: BuildSettings, onReport: (done: number) => void = () => {}): Promise<BuildReport[]> {
  // Refused before any issue is rendered: an output folder that is, holds or sits inside the sources.
  if (settings.write) {
    settings = { ...settings, outDir: prepareOutDir(settings.session.project.root, settings.outDir) };
    // An issue's folder a killed pvd left missing comes back now, not only when that issue is rebuilt.
    recoverOutputs(settings.outDir);
  }
  const threads = Math.min(availableParallelism(), Math.ceil(jobs.length / PARALLEL_FROM));
  if (threads < 2 || !existsSync(fileURLToPath(WORKER))) {
    // The render pipeline is loaded here only: with workers, this thread never needs it.
    const [{ buildIssue }, { compileTemplate }] = await Promise.all([import('./build.js'), import('../render/index.js')]);
    const options = { ...settings, compiled: compileTemplate(settings.session.template) };
    const reports: BuildReport[] = [];
    for (const job of jobs) {
      reports.push(toReport(await buildIssue(job, options)));
      onReport(reports.length);
    }
    return reports;
  }
  const setup: WorkerSetup = { root: settings.session.project.root, templateName: settings.session.template.name, target: settings.target, outDir: settings.outDir, write: settings.write };
  const reports: BuildReport[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  let stopped = 0;
  const told = new Set<Worker>();
  await new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    const fail = (error: unknown) => {
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    const feed = (worker: Worker) => {
      if (next >= jobs.length) return; // idle until the last issue is done
      const index = next++;
      worker.postMessage({ index, job: jobs[index]! } satisfies WorkerJob);
    };
    for (let count = 0; count < threads; count++) {
      // A small young generation: each issue's garbage is short-lived, and is collected before it grows
      // the thread's memory (build --all of 121 issues: 338 → 287 MiB, in the same time).
      const worker = new Worker(WORKER, { workerData: { setup }, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      workers.push(worker);
      worker.on('message', (message: { index: number; report?: BuildReport; error?: WorkerFailure }) => {
        if (message.error) return fail(failureOf(message.error));
        reports[message.index] = message.report!;
        onReport(++done);
        if (next < jobs.length) return feed(worker);
        // No issue left for it: the worker ends on its own, so what it learnt (the spelling
        // verdicts) is saved at its exit, as a single-threaded build saves it.
        told.add(worker);
        worker.postMessage(null);
      });
      worker.on('exit', (code) => {
        // A thread stopping unasked is a failure, never a wait without end.
        if (!told.has(worker)) return fail(new Error(`a build thread stopped (exit code ${code})`));
        if (++stopped === workers.length) resolve();
      });
      worker.on('error', fail);
      feed(worker);
    }
  });
  return reports;
}

/** A worker's failure, back in the class the main thread reports it by. */
function failureOf(failure: WorkerFailure): Error {
  if (failure.diagnostic) return new TemplateError(failure.diagnostic);
  return failure.text ? new UsageError(failure.text) : new Error(failure.message);
}
