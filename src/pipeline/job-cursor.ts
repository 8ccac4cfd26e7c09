/**
 * The next issue to build, shared by every thread of `pvd build --all`: each takes its own
 * (Atomics on a SharedArrayBuffer), without a message to the main thread and a wait for its answer.
 */
export class JobCursor {
  private readonly cells: Int32Array;

  /** A new cursor over `count` jobs, or, in a worker, the one `shared` came from. */
  constructor(private readonly count: number, shared?: SharedArrayBuffer) {
    // Cell 0: the next job's index; cell 1: set once every thread is to stop taking jobs.
    this.cells = new Int32Array(shared ?? new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  }

  /** What a worker is given to rebuild this cursor (workerData). */
  get shared(): SharedArrayBuffer {
    return this.cells.buffer as SharedArrayBuffer;
  }

  /** The index of the next job, taken for good, or undefined once all are taken or the build stopped. */
  take(): number | undefined {
    if (Atomics.load(this.cells, 1) !== 0) return undefined;
    const index = Atomics.add(this.cells, 0, 1);
    return index < this.count ? index : undefined;
  }

  /** No thread takes another job: after a failure, the others stop at their current issue. */
  stop(): void {
    Atomics.store(this.cells, 1, 1);
  }
}
