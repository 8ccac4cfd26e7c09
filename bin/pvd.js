#!/usr/bin/env node
// Launcher only: the CLI is compiled to dist/ by `npm install` (prepare script), and run
// by dist/launch.cjs with the code V8 compiled for it on an earlier run. CommonJS (bin/package.json):
// an ES module here would start Node's ES module loader, some 20 of its modules, on every run.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
if (!existsSync(join(dist, 'launch.cjs'))) {
  process.stderr.write("pvd n'est pas compilé : lancez « npm install » (ou « npm run build ») à la racine du dépôt.\n");
  process.exit(2);
}
// dist/<command>.cjs holds that command alone (scripts/compile.mjs); dist/pvd.cjs holds them all.
const args = process.argv.slice(2);
// The one option before a command: `npx pvd --lang en lint`.
while (args[0]?.startsWith('--lang')) args.splice(0, args[0].includes('=') ? 1 : 2);
const command = args[0] ?? '';
const bundle = /^[a-z]+$/.test(command) && command !== 'launch' && existsSync(join(dist, `${command}.cjs`)) ? command : 'pvd';
require('../dist/launch.cjs').runBundle(bundle);
