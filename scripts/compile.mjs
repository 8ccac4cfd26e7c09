// Compiles src/ into dist/ with esbuild: the CLI and the build thread each as one CommonJS
// bundle, which dist/launch.cjs runs through V8's code cache (Node 20 caches no ES module).
// Commands stay lazy inside the bundle: esbuild wraps what only import() reaches, so
// `pvd lint` never runs the code of juice, Handlebars or inquirer. Bundling also spares
// Node the resolution of hundreds of small module files on every start.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * One copy of each package version in the bundle. npm may install the same version of a
 * package several times (entities 4.5 under htmlparser2 and again under dom-serializer),
 * and a package's ESM and CommonJS builds are two copies too (the inbox checks import
 * htmlparser2 while juice's cheerio requires it): each copy is code every build parses.
 * Imports of an already seen name@version go to its first copy, CommonJS build first.
 */
const onePerVersion = {
  name: 'one-copy-per-version',
  setup(context) {
    const firstCopy = new Map();
    const packageOf = (file) => {
      for (let folder = dirname(file); folder !== dirname(folder); folder = dirname(folder)) {
        if (existsSync(join(folder, 'package.json')) && dirname(folder).endsWith('node_modules')) {
          const { name, version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
          if (name && version) return { folder, key: `${name}@${version}` };
        }
      }
      return undefined;
    };
    context.onResolve({ filter: /^(htmlparser2|entities)(\/.*)?$/ }, async (args) => {
      if (args.pluginData?.deduped) return undefined;
      // Resolved as CommonJS whatever the importer: juice requires it, and the CJS build is what it gets.
      const resolved = await context.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir, pluginData: { deduped: true } });
      if (resolved.errors.length > 0) return undefined;
      const found = packageOf(resolved.path);
      if (!found) return { path: resolved.path };
      const first = firstCopy.get(found.key);
      if (!first) {
        firstCopy.set(found.key, found.folder);
        return { path: resolved.path };
      }
      return { path: join(first, relative(found.folder, resolved.path)) };
    });
  },
};

/**
 * commander requires node:child_process at its start, for subcommands that are programs of
 * their own, which pvd has none of: loading it (and net, dgram…) cost every command about
 * 3 ms. It now loads on first use only.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(context) {
    context.onResolve({ filter: /^node:child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined));
    context.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};
// Built beside dist/ and swapped in, so a pvd process running meanwhile (tests run
// in parallel) never loads a half-written bundle.
const staging = `dist.staging-${process.pid}`;
const common = {
  outdir: staging,
  bundle: true,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  metafile: true,
  // juice only needs cheerio's DOM; the full entry also loads parse5 and undici.
  alias: { cheerio: 'cheerio/slim' },
  // A CommonJS bundle has no import.meta: its own file's URL stands in.
  define: { 'import.meta.url': '__pvdImportMetaUrl' },
  // Written already wrapped as the function dist/launch.cjs runs (CommonJS's own wrapper): the launcher
  // hands the file's text to V8 as it is, without a second copy of 1 to 2 MB made by joining it to the wrapper.
  banner: { js: "(function (exports, require, module, __filename, __dirname) { const __pvdImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  footer: { js: '\n});' },
  // import() of what is not bundled becomes require(): the bundle runs outside Node's ESM loader.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
  // Fewer bytes to read and decode at every start (the lint bundle: 0.9 → 0.6 MB); names are kept, for profiles and traces.
  minifyWhitespace: true,
  minifySyntax: true,
  // Loaded from node_modules, never bundled: playwright-core (a browser driver, by `pvd check` only) and
  // ssh2 (under ssh2-sftp-client), whose native add-ons a bundle cannot hold (by `pvd publish` to sftp:// only).
  external: ['playwright-core', 'ssh2', 'ssh2-sftp-client'],
  plugins: [onePerVersion, lazyChildProcess],
};
/**
 * The bundle of one command holds the CLI and that command alone: the others' modules are
 * stubs there. `pvd lint` then reads, compiles and keeps in memory a third of pvd's code.
 * One command per file in src/commands/, one bundle per command, named alike: the launcher
 * (bin/pvd.js) picks the bundle by the first argument; anything else (help, an option before
 * the command, a mistyped command) runs dist/pvd.cjs, which holds them all.
 */
const COMMANDS = readdirSync('src/commands').filter((name) => /^[a-z]+\.ts$/.test(name)).map((name) => name.slice(0, -3));
const onlyCommand = (kept) => ({
  name: 'only-command',
  setup(context) {
    context.onResolve({ filter: /^\.\/commands\/[a-z]+\.js$/ }, (args) => {
      const name = /commands\/([a-z]+)\.js$/.exec(args.path)[1];
      if (!args.importer.endsWith(join('src', 'cli.ts')) || name === kept) return undefined;
      return { path: name, namespace: 'other-command' };
    });
    context.onLoad({ filter: /.*/, namespace: 'other-command' }, (args) => ({
      contents: `export async function run() { throw new Error('dist/${kept}.cjs does not hold the command ${args.path}'); }`,
      loader: 'js',
    }));
  },
});
const builds = await Promise.all([
  build({ ...common, entryPoints: { pvd: 'src/cli.ts', 'build-worker': 'src/pipeline/build-worker.ts' } }),
  ...COMMANDS.map((command) => build({ ...common, entryPoints: { [command]: 'src/cli.ts' }, plugins: [...common.plugins, onlyCommand(command)] })),
]);
const result = { metafile: { inputs: Object.assign({}, ...builds.map((built) => built.metafile.inputs)), outputs: Object.assign({}, ...builds.map((built) => built.metafile.outputs)) } };
// The launcher itself: Node's modules only, nothing to bundle or cache.
await build({ ...common, entryPoints: { launch: 'src/launch.ts', 'launch-worker': 'src/launch-worker.ts' }, metafile: false, sourcemap: false, banner: {}, footer: {}, define: {}, plugins: [] });
// Which source modules went into which output file: the test proving that
// `pvd lint` loads no heavy module reads it.
writeFileSync(`${staging}/meta.json`, JSON.stringify(result.metafile));
const previous = `dist.previous-${process.pid}`;
if (existsSync('dist')) renameSync('dist', previous);
renameSync(staging, 'dist');
rmSync(previous, { recursive: true, force: true });
