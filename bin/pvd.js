#!/usr/bin/env node
// Launcher only: the CLI is compiled to dist/ by `npm install` (prepare script), and run
// by dist/launch.cjs with the code V8 compiled for it on an earlier run.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(`${dist}launch.cjs`)) {
  process.stderr.write("pvd n'est pas compilé : lancez « npm install » (ou « npm run build ») à la racine du dépôt.\n");
  process.exit(2);
}
// dist/<command>.cjs holds that command alone (scripts/compile.mjs); dist/pvd.cjs holds them all.
const args = process.argv.slice(2);
// The one option before a command: `npx pvd --lang en lint`.
while (args[0]?.startsWith('--lang')) args.splice(0, args[0].includes('=') ? 1 : 2);
const command = args[0] ?? '';
const bundle = /^[a-z]+$/.test(command) && command !== 'launch' && existsSync(`${dist}${command}.cjs`) ? command : 'pvd';
createRequire(import.meta.url)('../dist/launch.cjs').runBundle(bundle);
