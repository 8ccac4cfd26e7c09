import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PVD, REPO, runPvd } from '../helpers.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

interface V8Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

/**
 * Runs pvd with V8's coverage on and a hook that logs every ES module Node loads and every
 * require(). The bundle wraps each module it holds in a function named by the module's path
 * (esbuild's lazy initialisers), so the coverage says which modules ran and which did not.
 */
function observe(args: readonly string[]) {
  const folder = mkdtempSync(join(tmpdir(), 'pvd-test-loads-'));
  folders.push(folder);
  const log = join(folder, 'loaded.log');
  const coverage = join(folder, 'coverage');
  writeFileSync(join(folder, 'hooks.mjs'), `
import { appendFileSync } from 'node:fs';
let log;
export async function initialize(data) { log = data.log; }
export async function load(url, context, next) { appendFileSync(log, 'url ' + url + '\\n'); return next(url, context); }
`);
  writeFileSync(join(folder, 'register.mjs'), `
import Module, { register } from 'node:module';
import { appendFileSync } from 'node:fs';
const log = ${JSON.stringify(log)};
register('./hooks.mjs', import.meta.url, { data: { log } });
const load = Module._load;
Module._load = function (request, ...rest) { appendFileSync(log, 'require ' + request + '\\n'); return load.call(this, request, ...rest); };
`);
  writeFileSync(log, '');
  const result = spawnSync(process.execPath, ['--import', join(folder, 'register.mjs'), PVD, ...args], {
    cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NODE_V8_COVERAGE: coverage },
  });
  const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const urls = lines.filter((line) => line.startsWith('url ')).map((line) => line.slice(4));
  const scripts = readdirSync(coverage).flatMap((name) => (JSON.parse(readFileSync(join(coverage, name), 'utf8')) as V8Coverage).result);
  const bundle = scripts.find((script) => /\/dist\/[a-z-]+\.cjs$/.test(script.url) && !script.url.endsWith('/launch.cjs'));
  if (!bundle) throw new Error(`no bundle of dist/ ran:\n${result.stderr}`);
  const wrappers = bundle.functions.filter((fn) => /^(src|node_modules)\//.test(fn.functionName));
  return {
    code: result.status,
    /** The bundle the launcher chose: dist/<command>.cjs. */
    bundle: bundle.url.slice(bundle.url.lastIndexOf('/') + 1),
    files: urls.filter((url) => url.startsWith('file:')).map((url) => relative(REPO, fileURLToPath(url))),
    urls,
    requires: lines.filter((line) => line.startsWith('require ')).map((line) => line.slice(8)),
    /** Every module the bundle holds behind an initialiser, and those that ran. */
    wrapped: new Set(wrappers.map((fn) => fn.functionName)),
    ran: new Set(wrappers.filter((fn) => fn.ranges[0]!.count > 0).map((fn) => fn.functionName)),
  };
}

const HEAVY = /^node_modules\/(juice|handlebars|@inquirer|inquirer|cheerio|nodemailer)\//;
// The session (template, rules, their settings) is shared with every command; the rest of the pipeline is not lint's.
const PIPELINE = /^src\/(render\/|inbox\/(index|page|checks\/)|pipeline\/(?!session\.ts))/;

/** The source modules of one bundle of dist/, from esbuild's metafile. */
function bundled(name: string): string[] {
  const meta = JSON.parse(readFileSync(join(REPO, 'dist', 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  const [, output] = Object.entries(meta.outputs).find(([path]) => path.endsWith(`/${name}`))!;
  return Object.keys(output.inputs);
}

describe('pvd lint stays lean', () => {
  it('runs neither juice, inquirer, Handlebars nor the HTML pipeline', () => {
    // The pre-commit path is a warm one: the spelling verdicts of #42 are remembered
    // (tests/lint/french/engine-load.test.ts shows the engine loading for a new word).
    runPvd(['lint', 'issues/042/issue.md']);
    const { code, bundle, files, urls, requires, wrapped, ran } = observe(['lint', 'issues/042/issue.md']);
    expect(code).toBe(0);
    expect(bundle).toBe('lint.cjs');
    // Everything pvd runs comes from its bundle, through the launcher; the rest is Node's own modules.
    expect(files).toEqual(['bin/pvd.js']);
    expect(urls.filter((url) => !url.startsWith('file:') && !url.startsWith('node:'))).toEqual([]);
    expect(requires.filter((request) => !request.startsWith('node:') && !/^[a-z_]+$/.test(request))).toEqual([PVD, '../dist/launch.cjs']);

    // Whatever heavy module lint's bundle holds is behind an initialiser: the coverage would see it run.
    const heavy = bundled(bundle).filter((source) => HEAVY.test(source) || PIPELINE.test(source));
    expect(heavy.filter((source) => !wrapped.has(source))).toEqual([]);
    // The reading works: the rules ran.
    expect(ran).toContain('src/lint/rules/typography-fr.ts');
    expect(ran).toContain('src/commands/lint.ts');
    expect(heavy.filter((source) => ran.has(source))).toEqual([]);
  });

  it('would see them: pvd build, which renders, runs Handlebars and juice', () => {
    const { code, bundle, wrapped, ran } = observe(['build', '42', '--stdout', 'text']);
    expect(code).toBe(0);
    expect(bundle).toBe('build.cjs');
    expect(bundled(bundle).filter((source) => HEAVY.test(source) || PIPELINE.test(source)).filter((source) => !wrapped.has(source))).toEqual([]);
    expect([...ran].some((source) => source.startsWith('node_modules/handlebars/'))).toBe(true);
    expect(ran).toContain('node_modules/juice/client.js');
    expect(ran).toContain('src/render/html.ts');
  });

  it('starts without Node’s ES module loader: the launcher is CommonJS', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pvd-test-loads-'));
    folders.push(folder);
    const hook = join(folder, 'modules.cjs');
    writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(join(folder, 'modules.txt'))}, process.moduleLoadList.join('\\n')));`);
    const result = spawnSync(process.execPath, ['--require', hook, PVD, 'lint', 'issues/042/issue.md'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status, result.stderr).toBe(0);
    const modules = readFileSync(join(folder, 'modules.txt'), 'utf8').split('\n');
    // The hook would see them: these are what an ES module launcher, the threads' one, or commander's
    // subcommands that are programs (child_process, which pvd has none of) load.
    expect(modules).toContain('NativeModule internal/modules/cjs/loader');
    expect(modules.filter((name) => /internal\/modules\/esm\/loader$|NativeModule (worker_threads|child_process)$/.test(name))).toEqual([]);
  });

  it('runs the bundle holding every command when the command comes after an option, or is not known', () => {
    expect(observe(['--lang', 'en', 'lint', 'issues/042/issue.md']).bundle).toBe('lint.cjs');
    expect(observe(['--lang=en', 'lint', 'issues/042/issue.md']).bundle).toBe('lint.cjs');
    const unknown = observe(['lnt']);
    expect(unknown.bundle).toBe('pvd.cjs');
    expect(unknown.code).toBe(2);
  });
});
