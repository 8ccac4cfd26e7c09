/**
 * What a thread of `pvd build --all` starts on (pipeline/build-many.ts): the build-worker bundle,
 * with its code cache. A file of its own, so the launcher every command runs never loads worker_threads.
 */
import { runBundle } from './launch.js';

runBundle('build-worker', 'worker');
