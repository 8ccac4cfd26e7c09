import { describe, expect, it } from 'vitest';
import { JobCursor } from '../../src/pipeline/job-cursor.js';

describe('the job cursor build --all threads share', () => {
  it('gives each index once, in order, then nothing', () => {
    const cursor = new JobCursor(3);
    expect([cursor.take(), cursor.take(), cursor.take(), cursor.take(), cursor.take()]).toEqual([0, 1, 2, undefined, undefined]);
  });

  it('is one cursor for every thread it is handed to: no index is taken twice', () => {
    const here = new JobCursor(5);
    // What a worker makes of the buffer it is given in its workerData.
    const there = new JobCursor(5, here.shared);
    expect([here.take(), there.take(), there.take(), here.take(), there.take(), here.take()]).toEqual([0, 1, 2, 3, 4, undefined]);
  });

  it('gives nothing more, to any thread, once stopped', () => {
    const here = new JobCursor(5);
    const there = new JobCursor(5, here.shared);
    expect(there.take()).toBe(0);
    here.stop();
    expect([here.take(), there.take()]).toEqual([undefined, undefined]);
  });

  it('gives nothing for no jobs', () => {
    expect(new JobCursor(0).take()).toBeUndefined();
  });
});
