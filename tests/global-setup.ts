import { execFileSync } from 'node:child_process';

/** Tests run the compiled CLI (bin/pvd.js → dist/): compile once, from the current sources. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/compile.mjs'], { stdio: 'inherit' });
}
