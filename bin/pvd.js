#!/usr/bin/env node
// Launcher only: the CLI is compiled to dist/ by `npm install` (prepare script), and run
// by dist/launch.cjs with the code V8 compiled for it on an earlier run.
import { createRequire } from 'node:module';

const COMMANDS = ['new', 'lint', 'build', 'preview', 'check', 'publish', 'words', 'hooks'];

let launch;
try {
  launch = createRequire(import.meta.url)('../dist/launch.cjs');
} catch (error) {
  if (error?.code === 'MODULE_NOT_FOUND' && String(error.message).includes('launch.cjs')) {
    process.stderr.write("pvd n'est pas compilé : lancez « npm install » (ou « npm run build ») à la racine du dépôt.\n");
    process.exit(2);
  }
  throw error;
}
// One cache per command: each compiles its own part of the bundle.
launch.runBundle('pvd', COMMANDS.includes(process.argv[2]) ? process.argv[2] : 'other');
