#!/usr/bin/env node
// Launcher only: the CLI is compiled to dist/ by `npm install` (prepare script).
import('../dist/cli.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write("pvd n'est pas compilé : lancez « npm install » (ou « npm run build ») à la racine du dépôt.\n");
    process.exit(2);
  }
  throw error;
});
