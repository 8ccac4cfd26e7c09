// Compiles src/ into dist/ with esbuild: one ESM bundle per entry point, with
// the commands split into chunks loaded on demand, so `pvd lint` never parses
// the code of juice, Handlebars or inquirer. Bundling also spares Node the
// resolution of hundreds of small module files on every start.
import { build } from 'esbuild';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';

// Built beside dist/ and swapped in, so a pvd process running meanwhile (tests run
// in parallel) never loads a half-written bundle.
const staging = `dist.staging-${process.pid}`;
const result = await build({
  // The build worker sits in chunks/ beside the pipeline chunk that starts it.
  entryPoints: { cli: 'src/cli.ts', 'chunks/build-worker': 'src/pipeline/build-worker.ts' },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  metafile: true,
  chunkNames: 'chunks/[name]-[hash]',
  // juice only needs cheerio's DOM; the full entry also loads parse5 and undici.
  alias: { cheerio: 'cheerio/slim' },
  // Bundled CommonJS packages (juice, handlebars) call require() for Node built-ins.
  banner: { js: "import { createRequire as __pvdCreateRequire } from 'node:module'; const require = __pvdCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  // Loaded from node_modules, never bundled: playwright-core (a browser driver, by `pvd check` only) and
  // ssh2 (under ssh2-sftp-client), whose native add-ons a bundle cannot hold (by `pvd publish` to sftp:// only).
  external: ['playwright-core', 'ssh2', 'ssh2-sftp-client'],
});
// Which source modules went into which output file: the test proving that
// `pvd lint` loads no heavy module reads it.
writeFileSync(`${staging}/meta.json`, JSON.stringify(result.metafile));
const previous = `dist.previous-${process.pid}`;
if (existsSync('dist')) renameSync('dist', previous);
renameSync(staging, 'dist');
rmSync(previous, { recursive: true, force: true });
