import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TemplateError, UsageError } from '../errors.js';
import { prepareOutDir } from '../io/out-dir.js';
import { recoverOutputs } from '../io/output-folder.js';
import type { IssueFile } from '../project.js';
import type { BuildSettings } from './build.js';
import { toReport, type BuildReport } from './report.js';
import type { WorkerFailure, WorkerJobs, WorkerSetup } from './build-worker.js';
import { JobCursor } from './job-cursor.js';
import { buildMemory, recallBuild, rememberBuild, sharedBuildKey, type BuildMemory } from './remembered-build.js';

/** Below this many issues, starting threads costs more than it saves. */
const PARALLEL_FROM = 8;

// Threads start on the launcher beside the compiled CLI in dist/ (see scripts/compile.mjs), which
// runs the build-worker bundle with its code cache.
const WORKER = new URL('./launch-worker.cjs', import.meta.url);

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
  const reports: BuildReport[] = new Array(jobs.length);
  let done = 0;
  // What was built before from the same sources and is still in out/ as written is not built again.
  const shared = sharedBuildKey(settings);
  const memories = jobs.map((job) => buildMemory(shared, settings, job));
  const pending: number[] = [];
  for (const [index, memory] of memories.entries()) {
    const recalled = recallBuild(memory, settings.session.numbers);
    if (recalled) {
      reports[index] = recalled;
      onReport(++done);
    } else pending.push(index);
  }
  if (pending.length === 0) return reports;
  const work: BuildWork = { jobs: pending.map((index) => jobs[index]!), memories: pending.map((index) => memories[index]) };
  const threads = Math.min(availableParallelism(), Math.ceil(pending.length / PARALLEL_FROM));
  const cursor = new JobCursor(pending.length);
  const finished = (index: number, report: BuildReport) => {
    reports[pending[index]!] = report;
    onReport(++done);
  };
  const workers = threads < 2 || !existsSync(fileURLToPath(WORKER)) ? [] : startWorkers(threads - 1, settings, work, cursor, finished);
  // This thread builds too, beside the workers: one heap and one copy of the pipeline fewer
  // than a worker per core (build --all of 121 issues on 2 cores: 288 → 248 MiB, no slower).
  const here = buildHere(work, settings, cursor, finished, workers.length > 0);
  try {
    await Promise.all([here, ...workers.map((worker) => worker.stopped)]);
  } catch (error) {
    cursor.stop();
    for (const worker of workers) void worker.thread.terminate();
    // The failure first met is the one reported; the others are its consequences.
    await Promise.allSettled([here, ...workers.map((worker) => worker.stopped)]);
    throw error;
  }
  return reports;
}

/** The issues to build, and where each one's build is to be remembered. */
interface BuildWork {
  jobs: readonly IssueFile[];
  memories: readonly (BuildMemory | undefined)[];
}

/** Builds in this thread the issues the workers have not taken, one at a time. */
async function buildHere({ jobs, memories }: BuildWork, settings: BuildSettings, cursor: JobCursor, finished: (index: number, report: BuildReport) => void, sharing: boolean): Promise<void> {
  // The render pipeline is loaded here only: `pvd build 42` and --all load it alike.
  const [{ buildIssue }, { compileTemplate }] = await Promise.all([import('./build.js'), import('../render/index.js')]);
  const options = { ...settings, compiled: compileTemplate(settings.session.template) };
  for (let index = cursor.take(); index !== undefined; index = cursor.take()) {
    const report = toReport(await buildIssue(jobs[index]!, options), options.write);
    rememberBuild(memories[index], report, options.session.numbers);
    finished(index, report);
    // A build is synchronous but for its .eml: the workers' reports (for the progress line) are let in between two.
    if (sharing) await new Promise((resolve) => setImmediate(resolve));
  }
}

interface BuildThread {
  thread: Worker;
  /** Settles when the thread has ended, asked to, or fails with its error. */
  stopped: Promise<void>;
}

function startWorkers(count: number, settings: BuildSettings, { jobs, memories }: BuildWork, cursor: JobCursor, finished: (index: number, report: BuildReport) => void): BuildThread[] {
  const setup: WorkerSetup = { root: settings.session.project.root, templateName: settings.session.template.name, target: settings.target, outDir: settings.outDir, write: settings.write };
  return Array.from({ length: count }, () => {
    // A small young generation: each issue's garbage is short-lived, and is collected before it grows
    // the thread's memory (build --all of 121 issues: 338 → 287 MiB, in the same time).
    // Each thread takes its next issue from the shared cursor itself: waiting for this thread to hand
    // it one would leave it idle while this thread builds.
    const thread = new Worker(WORKER, { workerData: { setup, jobs, memories, cursor: cursor.shared } satisfies { setup: WorkerSetup } & WorkerJobs, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    const stopped = new Promise<void>((resolve, reject) => {
      let ended = false;
      thread.on('message', (message: { index: number; report?: BuildReport; error?: WorkerFailure } | null) => {
        // null: no issue left for it; it ends on its own, so what it learnt (the spelling
        // verdicts) is saved at its exit, as a single-threaded build saves it.
        if (message === null) return void (ended = true);
        if (message.error) return reject(failureOf(message.error));
        finished(message.index, message.report!);
      });
      // A thread stopping unasked is a failure, never a wait without end.
      thread.on('exit', (code) => (ended ? resolve() : reject(new Error(`a build thread stopped (exit code ${code})`))));
      thread.on('error', reject);
    });
    return { thread, stopped };
  });
}

/** A worker's failure, back in the class the main thread reports it by. */
function failureOf(failure: WorkerFailure): Error {
  if (failure.diagnostic) return new TemplateError(failure.diagnostic);
  return failure.text ? new UsageError(failure.text) : new Error(failure.message);
}
