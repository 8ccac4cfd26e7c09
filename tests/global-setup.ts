import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

/** Tests run the compiled CLI (bin/pvd.js → dist/): compile once, from the current sources. */
export default function setup(): () => void {
  execFileSync(process.execPath, ['scripts/compile.mjs'], { stdio: 'inherit' });
  // What the tests' pvd remembered of the issues of their temporary projects (parses, their stretches, builds) goes with them.
  return () => {
    for (const kind of ['issues', 'chunks', 'builds']) rmSync(`node_modules/.cache/pvd/${kind}`, { recursive: true, force: true });
  };
}
