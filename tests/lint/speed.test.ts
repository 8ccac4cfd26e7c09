import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PVD, REPO, runPvd } from '../helpers.js';

/**
 * Runs `pvd lint` with a module hook that logs every ES module Node loads (the bundle's
 * chunks) and every require() (what the bundle asks of Node at run time).
 */
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function loadedBy(args: readonly string[]): { urls: string[]; requires: string[]; code: number | null } {
  const folder = mkdtempSync(join(tmpdir(), 'pvd-test-loads-'));
  folders.push(folder);
  const log = join(folder, 'loaded.log');
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
  const result = spawnSync(process.execPath, ['--import', join(folder, 'register.mjs'), PVD, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return {
    urls: lines.filter((line) => line.startsWith('url ')).map((line) => line.slice(4)),
    requires: lines.filter((line) => line.startsWith('require ')).map((line) => line.slice(8)),
    code: result.status,
  };
}

/**
 * Runs pvd under the hook and maps the dist/ files it loaded to their source modules
 * through dist/meta.json (esbuild's metafile). Other test runs may recompile dist/
 * meanwhile: a run during which meta.json changed is done again.
 */
function observe(args: readonly string[]) {
  const metaPath = join(REPO, 'dist', 'meta.json');
  for (let attempt = 0; ; attempt++) {
    const before = readFileSync(metaPath, 'utf8');
    const run = loadedBy(args);
    if (readFileSync(metaPath, 'utf8') !== before && attempt < 5) continue;
    const files = run.urls.filter((url) => url.startsWith('file:')).map((url) => relative(REPO, fileURLToPath(url)));
    return { ...run, files, sources: sourcesOf(before, files.filter((file) => file.startsWith('dist/'))) };
  }
}

/** Which source modules went into each output file. */
function sourcesOf(metafile: string, outputs: readonly string[]): string[] {
  const meta = JSON.parse(metafile) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  const byOutput = new Map(Object.entries(meta.outputs).map(([path, output]) => [path.replace(/^[^/]+\//, 'dist/'), Object.keys(output.inputs)]));
  return outputs.flatMap((output) => {
    const inputs = byOutput.get(output);
    if (!inputs) throw new Error(`${output} is not in dist/meta.json: is dist/ stale?`);
    return inputs;
  });
}

describe('pvd lint stays lean', () => {
  it('loads neither juice, inquirer, Handlebars nor the HTML pipeline', () => {
    // The pre-commit path is a warm one: the spelling verdicts of #42 are remembered
    // (tests/lint/french/engine-load.test.ts shows the engine loading for a new word).
    runPvd(['lint', 'issues/042/issue.md']);
    const { urls, requires, code, files, sources } = observe(['lint', 'issues/042/issue.md']);
    expect(code).toBe(0);
    // Everything pvd runs comes from its bundle; the rest is Node's own modules.
    expect(files.filter((file) => !/^(bin\/pvd\.js|dist\/.+\.js)$/.test(file))).toEqual([]);
    expect(urls.filter((url) => !url.startsWith('file:') && !url.startsWith('node:'))).toEqual([]);
    expect(requires.filter((request) => !request.startsWith('node:') && !/^[a-z_]+$/.test(request))).toEqual([]);

    // The mapping works: the rules are there.
    expect(sources).toContain('src/lint/rules/typography-fr.ts');
    expect(sources).toContain('src/commands/lint.ts');
    const heavy = sources.filter((source) =>
      /^node_modules\/(juice|handlebars|@inquirer|inquirer|cheerio|nodemailer)\//.test(source) ||
      // The session (template, rules, their settings) is shared with every command; the rest of the pipeline is not lint's.
      /^src\/(render\/|inbox\/(index|page|checks\/)|pipeline\/(?!session\.ts))/.test(source));
    expect(heavy).toEqual([]);
  });

  it('would see them: pvd build, which renders, loads Handlebars and juice', () => {
    const { code, sources } = observe(['build', '42', '--stdout', 'text']);
    expect(code).toBe(0);
    expect(sources.some((source) => source.startsWith('node_modules/handlebars/'))).toBe(true);
    expect(sources).toContain('src/render/html.ts');
  });
});
