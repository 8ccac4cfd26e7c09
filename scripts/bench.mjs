#!/usr/bin/env node
// npm run bench — SPEC §6: how long pvd takes, measured against bare Node start-up in the
// same run, with each command's peak memory. Runs the compiled CLI (bin/pvd.js → dist/)
// on a temporary copy of templates/ and issues/, never on the repository itself. Beside
// `pvd build 42`: the MJML CLI on the same newsletter (the peer, no budget). After the table:
// where the time of `pvd build 42` and `pvd lint` goes, from CPU profiles of extra runs.
//
//   npm run bench                 10 runs per single-issue figure, 5 per --all figure, 3 per huge input, 3 profiles
//   BENCH_RUNS=20 BENCH_ALL_RUNS=10 BENCH_HUGE_RUNS=5 BENCH_PROFILE_RUNS=5 npm run bench
//   BENCH_QUICK=1 npm run bench   1 run of each, huge inputs skipped: to try the script out
//
// Exits 1 when a budget is blown, 2 when something could not be measured.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// pvd remembers each issue's parse (src/issue/remembered-parse.ts), one entry per issue.md, keyed by its text,
// and each issue's build (src/pipeline/remembered-build.ts), one entry per out dir and issue.md.
const PARSES = join(REPO, 'node_modules', '.cache', 'pvd', 'issues');
// ...and the Markdown of each of its stretches, heading to heading (src/issue/markdown-chunks.ts), one entry per issue.md too.
const CHUNKS = join(REPO, 'node_modules', '.cache', 'pvd', 'chunks');
const BUILDS = join(REPO, 'node_modules', '.cache', 'pvd', 'builds');
const QUICK = process.env.BENCH_QUICK === '1';
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 1 : 10));
const ALL_RUNS = Number(process.env.BENCH_ALL_RUNS ?? (QUICK ? 1 : 5));
const HUGE_RUNS = Number(process.env.BENCH_HUGE_RUNS ?? (QUICK ? 0 : 3));
const PROFILE_RUNS = Number(process.env.BENCH_PROFILE_RUNS ?? (QUICK ? 1 : 3));
// Issues per generated repository, #42 included: the largest is #42 and 120 renumbered copies.
const ALL_SIZES = [30, 60, 121];
const ALL_MAX = ALL_SIZES.at(-1);
// Issue 15's targets, as ratios to bare start-up measured in the same rounds; memory in MiB.
// Huge and pathological inputs (tests/robustness/huge-inputs.test.ts, tests/robustness/images.test.ts):
// a located answer within a couple of seconds (20× a bare start-up of 0.1 s), never the whole file in memory.
const BUDGET = {
  lint: 1.7, build: 3.5, all: 25, buildMemoryMib: 80, allMemoryMib: 200, htmlKb: 48,
  linearSlack: 1.5, huge: 20, hugeMemoryMib: 300, bigImageMemoryMib: 150,
};

// The peer: the MJML CLI rendering the same newsletter written in MJML. The shared folder sits beside the
// main checkout; from a linked worktree (git worktree add) it is found beside the main checkout too.
const PEER_NAME = 'seed-042.mjml';
const MJML_CLI = join(REPO, 'node_modules', 'mjml', 'bin', 'mjml');

if (!existsSync(join(REPO, 'dist', 'pvd.cjs'))) {
  console.error('dist/pvd.cjs is missing: run "npm install" (or "npm run build") first.');
  process.exit(2);
}

// Its real path: the one pvd sees as its working directory, and names what it remembers by (macOS's /tmp is a link).
const work = realpathSync(mkdtempSync(join(tmpdir(), 'pvd-bench-')));
const rssFile = join(work, 'maxrss');
process.on('exit', () => {
  // What pvd remembered of the bench's own projects goes with them.
  const entries = existsSync(work) ? readdirSync(work) : [];
  const outDirs = entries.filter((name) => name.startsWith('out-')).map((name) => join(work, name));
  for (const project of entries) {
    const issues = join(work, project, 'issues');
    if (!existsSync(issues)) continue;
    for (const name of readdirSync(issues)) {
      const issueFile = join(issues, name, 'issue.md');
      for (const entry of parseEntries(issueFile)) rmSync(entry, { force: true });
      for (const outDir of outDirs) rmSync(buildEntry(outDir, issueFile), { force: true });
    }
  }
  rmSync(work, { recursive: true, force: true });
});

// Required before each measured process, bare Node's included: writes its peak memory (KiB) at exit.
// CommonJS, so that it starts no ES module loader that pvd itself does not start (an --import
// hook did: some 10 ms and 2 MiB more in every run). Threads write too, before the main one, which writes last.
const MAXRSS_HOOK = join(work, 'maxrss.cjs');
writeFileSync(MAXRSS_HOOK, "process.on('exit', () => { if (process.env.BENCH_MAXRSS_FILE) require('node:fs').writeFileSync(process.env.BENCH_MAXRSS_FILE, String(process.resourceUsage().maxRSS)); });\n");

// The CLI as compiled now, copied aside: a rebuild of dist/ during the benchmark (tests
// recompile it) would otherwise swap the lazily loaded chunks under a running pvd.
const cli = join(work, 'pvd');
for (const part of ['bin', 'dist', 'package.json']) cpSync(join(REPO, part), join(cli, part), { recursive: true });
symlinkSync(join(REPO, 'node_modules'), join(cli, 'node_modules'), 'dir');
const PVD = join(cli, 'bin', 'pvd.js');

/**
 * One measured process: wall time (ms) and peak memory (MiB; maxRSS is in KiB). Any other exit code than
 * `codes` stops the benchmark, unless `optional`: then the failure is returned as `{ failed }`.
 */
function measure(args, cwd, codes = [0], optional = false) {
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', MAXRSS_HOOK, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', PVD_ROOT: '', BENCH_MAXRSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (!codes.includes(result.status)) {
    const output = `${result.stdout}${result.stderr}`.trim().split('\n');
    if (optional) return { failed: `exit ${result.status ?? result.signal}: ${output.slice(-3).join(' / ')}` };
    console.error(`"${args.join(' ')}" failed (exit ${result.status ?? result.signal}):\n${output.slice(-15).join('\n')}`);
    process.exit(2);
  }
  return { ms, mib: existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// --- The project copies -------------------------------------------------------------------

/** templates/ and issues/ copied, real images included: their reading and copying is part of the cost. */
function makeProject(name) {
  const root = join(work, name);
  cpSync(join(REPO, 'templates'), join(root, 'templates'), { recursive: true });
  cpSync(join(REPO, 'issues'), join(root, 'issues'), { recursive: true });
  return root;
}

/** A repository of `count` issues: #42 itself, and `count - 1` copies of it numbered 101… with monthly dates. */
function makeArchive(count) {
  const root = join(work, `archive-${count}`);
  cpSync(join(REPO, 'templates'), join(root, 'templates'), { recursive: true });
  // #42's weekdays belong to December 2024: moved to other months, they no longer match
  // their dates, which date-weekday rightly refuses. The copies only stand for the volume.
  const yaml = join(root, 'templates', 'pvd', 'template.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^rules: \{\}$/m, 'rules: { date-weekday: off }'));
  const source = join(single, 'issues', '042');
  cpSync(source, join(root, 'issues', '042'), { recursive: true });
  const text = readFileSync(join(source, 'issue.md'), 'utf8');
  for (let index = 0; index < count - 1; index++) {
    const number = 101 + index;
    const month = new Date(Date.UTC(2015, index, 1));
    // The third Monday of the month, like #42's 16 December 2024.
    const day = 1 + ((8 - month.getUTCDay()) % 7) + 14;
    const date = `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const folder = join(root, 'issues', String(number));
    cpSync(source, folder, { recursive: true });
    writeFileSync(join(folder, 'issue.md'), text.replace(/^number: .*$/m, `number: ${number}`).replace(/^date: .*$/m, `date: ${date}`));
  }
  return root;
}

const single = makeProject('single');

/** The entries of an issue.md, its parse's and its stretches': named by its path (src/io/cache.ts). A declaration: the exit handler above uses it. */
function parseEntries(issueFile) {
  const name = `${createHash('sha256').update(issueFile).digest('hex').slice(0, 32)}.bin`;
  return [join(PARSES, name), join(CHUNKS, name)];
}
/** The entry of an issue's build into an out dir, named the same way. */
function buildEntry(outDir, issueFile) {
  return join(BUILDS, `${createHash('sha256').update(`${outDir}\0${issueFile}`).digest('hex').slice(0, 32)}.bin`);
}
let edits = 0;
/**
 * #42 as its author leaves it between two runs: edited (a comment line, which nothing shows and
 * nothing spells), so that its parse is not the one pvd remembers. The pre-commit path: a commit holds an edit.
 * The line goes at the end of an article in the middle, the last of La projetothèque: pvd parses again only
 * the stretch it falls in (src/issue/markdown-chunks.ts), here 600 characters, about the median of #42's 23.
 */
const EDITED_BEFORE = "\n## L'offre de services";
function editIssue(root) {
  const path = join(root, 'issues', '042', 'issue.md');
  const source = readFileSync(path, 'utf8').replace(/<!-- relu \d+ -->\n\n/, '');
  if (!source.includes(EDITED_BEFORE)) throw new Error(`#42 no longer has the line "${EDITED_BEFORE.trim()}" the bench edits before.`);
  writeFileSync(path, source.replace(EDITED_BEFORE, `<!-- relu ${++edits} -->\n\n${EDITED_BEFORE}`));
}
/** Every parse pvd remembers of a repository's issues, forgotten: the first build after an install or an upgrade. */
function forgetParses(root) {
  const entries = readdirSync(join(root, 'issues')).flatMap((name) => parseEntries(join(root, 'issues', name, 'issue.md')));
  if (!entries.some((entry) => existsSync(entry))) {
    console.error(`No parse of ${root}'s issues is remembered in ${PARSES}: the cold build --all cannot be measured.`);
    process.exit(2);
  }
  for (const entry of entries) rmSync(entry, { force: true });
}

// The spelling rule remembers its verdicts in pvd's cache folder (node_modules/.cache/pvd,
// through the symlink the repository's): a warm lint reads them, a cold one loads hunspell
// and the dictionary. The entries this copy of pvd writes are the ones that appear on its
// first lint; a cold run starts without them.
const CACHE = join(REPO, 'node_modules', '.cache', 'pvd');
const spellingEntries = () => (existsSync(CACHE) ? readdirSync(CACHE).filter((name) => name.startsWith('spelling-')) : []);
const before = new Set(spellingEntries());
measure([PVD, 'lint', 'issues/042/issue.md'], single);
const benchEntries = spellingEntries().filter((name) => !before.has(name));
if (benchEntries.length === 0) {
  console.error(`The spelling verdicts of this copy of pvd did not appear in ${CACHE}: the cold lint cannot be measured.`);
  process.exit(2);
}
const forgetVerdicts = () => benchEntries.forEach((name) => rmSync(join(CACHE, name), { force: true }));

// --- Huge inputs: the worst of the robustness suite's, each answered with a located message -------

const ORIGINAL = readFileSync(join(REPO, 'issues', '042', 'issue.md'), 'utf8');
const HUGE = {
  'a 10 MB file': () => ORIGINAL + 'x'.repeat(10 * 1024 * 1024),
  'a list nested 5,000 deep on one line': () => `${ORIGINAL}\n\n${'- '.repeat(5_000)}x\n`,
  '"*a **b " 30,000 times': () => `${ORIGINAL}\n\n${'*a **b '.repeat(30_000)}\n`,
  '60,000 raw HTML tags': () => `${ORIGINAL}\n\n${'<b>'.repeat(60_000)}\n`,
  '4,800 list items': () => `${ORIGINAL}\n\n${'- a\n'.repeat(4_800)}`,
  '4,800 lines of a list five deep': () => `${ORIGINAL}\n\n${'- - - - - a\n'.repeat(4_800)}`,
  '1,000 sections in 4,900 lines': () => `${ORIGINAL}\n${Array.from({ length: 1_000 }, (_, n) => `## L'actu\n### Article ${n}\nTexte ${n} avec [un lien](https://agence-cohesion-territoires.gouv.fr/${n}).\n`).join('').split('\n').slice(0, 4_700).join('\n')}\n`,
  '950 link-wrapped images': () => `${ORIGINAL}\n\n${'[![a](images/toul.jpg)](https://a.fr/) '.repeat(950)}\n`,
  'one 900 KB paragraph': () => `${ORIGINAL}\n\n${'mot '.repeat(230_000)}\n`,
  '50,000 front matter keys': () => ORIGINAL.replace('status: ready', `status: ready\n${Array.from({ length: 50_000 }, (_, n) => `k${n}: ${n}`).join('\n')}`),
};
// BENCH_HUGE_RUNS=0 (BENCH_QUICK=1): the huge inputs are neither written nor measured.
const huge = HUGE_RUNS === 0 ? {} : Object.fromEntries(Object.entries(HUGE).map(([name, make], index) => {
  const root = makeProject(`huge-${index}`);
  writeFileSync(join(root, 'issues', '042', 'issue.md'), make());
  return [name, root];
}));

/** A sparse file (its blocks not written): a size of gigabytes at no cost. */
function sparse(path, bytes, head) {
  const fd = openSync(path, 'w');
  writeSync(fd, head, 0, head.length, 0);
  writeSync(fd, Buffer.from([0]), 0, 1, bytes - 1);
  closeSync(fd);
}
const bigImages = {
  'a 1 GiB "image" that is HTML': [1024 ** 3, Buffer.from('<html><body>')],
  'a 3 GiB JPEG': [3 * 1024 ** 3, Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xfe])],
};
const bigImageProjects = HUGE_RUNS === 0 ? {} : Object.fromEntries(Object.entries(bigImages).map(([name, [bytes, head]], index) => {
  const root = makeProject(`big-image-${index}`);
  sparse(join(root, 'issues', '042', 'images', 'enorme.jpg'), bytes, head);
  const path = join(root, 'issues', '042', 'issue.md');
  writeFileSync(path, readFileSync(path, 'utf8').replace('images/toul.jpg', 'images/enorme.jpg'));
  return [name, root];
}));

// --- The peer --------------------------------------------------------------------------------

/** The MJML CLI and the newsletter in MJML, or why the peer cannot be measured. */
function findPeer() {
  if (!existsSync(MJML_CLI)) return { skipped: `${MJML_CLI} is missing (mjml is a devDependency: run "npm install")` };
  const candidates = [join(REPO, '..', 'shared', 'anchors', PEER_NAME)];
  const common = spawnSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: REPO, encoding: 'utf8' });
  if (common.status === 0) candidates.push(join(dirname(common.stdout.trim()), '..', 'shared', 'anchors', PEER_NAME));
  const source = candidates.find((path) => existsSync(path));
  if (!source) return { skipped: `${[...new Set(candidates)].join(' and ')} not found` };
  return { source, version: JSON.parse(readFileSync(join(REPO, 'node_modules', 'mjml', 'package.json'), 'utf8')).version };
}
const peer = findPeer();
/** The peer's run, with `-o` in the bench's folder; a failure disables the peer instead of stopping the bench. */
function measurePeer(output) {
  if (!peer.source) return;
  const run = measure([MJML_CLI, peer.source, '-o', output], single, [0], true);
  if (!run.failed) return run;
  peer.skipped = `the MJML CLI failed (${run.failed})`;
  delete peer.source;
  return undefined;
}

// --- Measurements ---------------------------------------------------------------------------

const loadBefore = loadavg();
const rows = {};
const record = (name, run) => run && (rows[name] ??= []).push(run);

// Warm the file cache once; interleave the single-issue figures so load drifts hit all alike.
measure(['-e', '0'], single);
measure([PVD, 'build', '42', '--out-dir', join(work, 'out-warm')], single);
measurePeer(join(work, 'mjml-warm.html'));
for (let run = 0; run < RUNS; run++) {
  record('bare', measure(['-e', '0'], single));
  editIssue(single);
  record('lint', measure([PVD, 'lint', 'issues/042/issue.md'], single));
  record('lint-unchanged', measure([PVD, 'lint', 'issues/042/issue.md'], single));
  forgetVerdicts();
  editIssue(single);
  record('lint-cold', measure([PVD, 'lint', 'issues/042/issue.md'], single));
  editIssue(single);
  record('build', measure([PVD, 'build', '42', '--out-dir', join(work, `out-42-${run}`)], single));
  // Nothing changed since: the build is remembered, out/042/ is checked and left as it is.
  record('build-unchanged', measure([PVD, 'build', '42', '--out-dir', join(work, `out-42-${run}`)], single));
  record('mjml', measurePeer(join(work, `mjml-${run}.html`)));
  // --no-check: the online check would ask publicBaseUrl, out on the network.
  record('publish', measure([PVD, 'publish', '42', '--to', join(work, `site-42-${run}`), '--no-check'], single));
  record('publish-again', measure([PVD, 'publish', '42', '--to', join(work, 'site-42-0'), '--no-check'], single));
}

// Profiled runs, apart from the measured ones (the profiler slows a run down): the spelling verdicts are
// remembered again by the rounds' last cold lint, so the lint profiled is the warm, pre-commit one, on an edited issue.
const PROFILED = {
  build: [PVD, 'build', '42'],
  lint: [PVD, 'lint', 'issues/042/issue.md'],
};
const profileDirs = Object.fromEntries(Object.keys(PROFILED).map((name) => [name, join(work, `cpu-${name}`)]));
for (let run = 0; run < PROFILE_RUNS; run++) {
  for (const [name, [script, ...args]] of Object.entries(PROFILED)) {
    const out = name === 'build' ? ['--out-dir', join(work, `out-profiled-${run}`)] : [];
    editIssue(single);
    measure(['--cpu-prof', '--cpu-prof-dir', profileDirs[name], script, ...args, ...out], single);
  }
}

const archives = Object.fromEntries(ALL_SIZES.map((count) => [count, makeArchive(count)]));
// The pre-commit lint in a repository that has its years of issues: number-unique looks at every header.
measure([PVD, 'lint', 'issues/042/issue.md'], archives[ALL_MAX]);
// An archive as the team has it: built before, by this pvd.
for (const count of ALL_SIZES) measure([PVD, 'build', '--all', '--out-dir', join(work, `out-${count}-warm`)], archives[count]);
for (let run = 0; run < ALL_RUNS; run++) {
  record('bare-all', measure(['-e', '0'], single));
  editIssue(archives[ALL_MAX]);
  record('lint-among', measure([PVD, 'lint', 'issues/042/issue.md'], archives[ALL_MAX]));
  for (const count of ALL_SIZES) {
    // One issue edited since the last build, as when the month's issue is written; the others as
    // they were, and so is the out dir: they are remembered, not rendered again.
    editIssue(archives[count]);
    record(`all-${count}`, measure([PVD, 'build', '--all', '--out-dir', join(work, `out-${count}-warm`)], archives[count]));
    // The same into a fresh out dir: every issue rendered and written (the parses remembered).
    editIssue(archives[count]);
    record(`all-rendered-${count}`, measure([PVD, 'build', '--all', '--out-dir', join(work, `out-${count}-${run}`)], archives[count]));
  }
  forgetParses(archives[ALL_MAX]);
  record('all-cold', measure([PVD, 'build', '--all', '--out-dir', join(work, `out-cold-${run}`)], archives[ALL_MAX]));
}
for (let run = 0; run < HUGE_RUNS; run++) {
  record('bare-huge', measure(['-e', '0'], single));
  // Exit 1: the located refusal (or lint's warnings, or build's inbox errors) is the expected answer.
  for (const [name, root] of Object.entries(huge)) {
    // Edited before each run, as elsewhere: the worst case is the text parsed afresh (those under 256 KB would be remembered).
    editIssue(root);
    record(`huge-lint ${name}`, measure([PVD, 'lint', '42'], root, [0, 1]));
    editIssue(root);
    record(`huge-build ${name}`, measure([PVD, 'build', '42', '--out-dir', join(work, `out-huge-${run}`)], root, [0, 1]));
  }
  for (const [name, root] of Object.entries(bigImageProjects)) {
    editIssue(root);
    record(`big-image ${name}`, measure([PVD, 'lint', '42'], root, [1]));
  }
}
const after = loadavg();

// --- Where the time goes: the CPU profiles ---------------------------------------------------

/** The source module (esbuild's `// src/…` and `// node_modules/…` markers) of each line of a compiled file. */
const moduleMarkers = new Map();
function moduleAt(url, line) {
  if (!url.startsWith('file:')) return undefined;
  if (!moduleMarkers.has(url)) {
    const markers = [];
    try {
      readFileSync(fileURLToPath(url), 'utf8').split('\n').forEach((text, index) => {
        const marker = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(text);
        if (marker) markers.push([index, marker[1]]);
      });
    } catch {
      // A file gone or unreadable: its frames keep no module name.
    }
    moduleMarkers.set(url, markers);
  }
  let found;
  for (const [index, name] of moduleMarkers.get(url)) if (index <= line) found = name;
  return found;
}

/** Each sample of a .cpuprofile: its stack (leaf first) and its duration in ms. */
function samplesOf(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const stacks = new Map();
  const stackOf = (id) => {
    if (!stacks.has(id)) {
      const stack = [];
      for (let node = byId.get(id); node; node = parents.get(node.id)) stack.push(node.callFrame);
      stacks.set(id, stack);
    }
    return stacks.get(id);
  };
  let time = profile.startTime;
  const times = profile.timeDeltas.map((delta) => (time += delta));
  const samples = profile.samples.map((id, index) => ({
    stack: stackOf(id),
    ms: Math.max(0, (times[index + 1] ?? profile.endTime) - times[index]) / 1000,
  }));
  return { samples, ms: (profile.endTime - profile.startTime) / 1000 };
}

// A bundler may rename a function it finds twice (renderText → renderText2).
const named = (frame, name) => frame.functionName === name || (frame.functionName.startsWith(name) && /^\d+$/.test(frame.functionName.slice(name.length)));
const isTopLevel = (frame) => (frame.functionName === '' && frame.lineNumber === 0 && frame.columnNumber === 0 && frame.url.startsWith('file:'))
  // esbuild's wrappers of a bundled module's top level are named after its path.
  || /^(?:src|node_modules)\/\S+\.(?:[cm]?[jt]s|json)$/.test(frame.functionName);

/**
 * Each sample goes to the stage in its stack, else to module loading (compiling a module, running a
 * module's top level, the loader's resolving and linking), else to garbage collection, else to the rest,
 * listed by the innermost function of pvd's own code it was in.
 */
function shares(dir, stages) {
  // The main thread's profiles only (CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile, thread 0).
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => /\.0\.\d+\.cpuprofile$/.test(name)) : [];
  const totals = new Map();
  const add = (key, ms) => totals.set(key, (totals.get(key) ?? 0) + ms);
  const rest = new Map();
  let profiled = 0;
  for (const file of files) {
    const { samples, ms } = samplesOf(join(dir, file));
    profiled += ms;
    for (const { stack, ms } of samples) {
      const stage = stack.map((frame) => stages.find((candidate) => named(frame, candidate.name))).find(Boolean);
      if (stage) {
        add(stage.name, ms);
        for (const part of stage.parts ?? []) if (stack.some((frame) => named(frame, part.name))) add(part.name, ms);
      } else if (stack.some((frame) => frame.functionName === 'compileSourceTextModule' || (frame.functionName === 'Script' && frame.url === 'node:vm'))) {
        // An ES module compiled, or the bundle's code read back from V8's code cache (dist/launch.cjs).
        add('modules', ms), add('modules:compile', ms);
      } else if (stack.some((frame) => frame.functionName === 'runBundle') && !stack.some((frame) => /\/dist\/[^/]+\.cjs$/.test(frame.url) && !frame.url.endsWith('/launch.cjs'))) {
        // The launcher reading the bundle and its code cache.
        add('modules', ms), add('modules:loader', ms);
      } else if (stack.some(isTopLevel)) {
        add('modules', ms), add('modules:evaluate', ms);
      } else if (stack.some((frame) => frame.url.startsWith('node:internal/modules/'))) {
        add('modules', ms), add('modules:loader', ms);
      } else if (stack[0].functionName === '(garbage collector)') {
        add('gc', ms);
      } else {
        add('rest', ms);
        const own = stack.find((frame) => frame.functionName && moduleAt(frame.url, frame.lineNumber)?.startsWith('src/'));
        const where = own ? `${own.functionName} (${moduleAt(own.url, own.lineNumber)})`
          : ['(idle)', '(program)'].includes(stack[0].functionName) ? stack[0].functionName
          : stack.some((frame) => frame.url.startsWith('file:')) ? 'dependencies, called from no pvd function' : 'Node internals';
        rest.set(where, (rest.get(where) ?? 0) + ms);
      }
    }
  }
  const runs = files.length;
  const per = (key) => (totals.get(key) ?? 0) / runs;
  const percent = (value) => `${((100 * value) / (profiled / runs)).toFixed(0).padStart(3)}%`;
  const lines = [];
  const row = (label, value, extra = '') => lines.push(`  ${label.padEnd(44)} ${value === undefined ? '(not found)'.padStart(14) : `${value.toFixed(0).padStart(6)} ms ${percent(value)}`}${extra}`);
  const seen = (name) => totals.has(name);
  const modules = ['compile', 'evaluate', 'loader'].map((part) => (seen(`modules:${part}`) ? `${per(`modules:${part}`).toFixed(0)} ms` : '(not found)'));
  row('module loading', per('modules'), `   (compile ${modules[0]}, top-level evaluation ${modules[1]}, resolve/read/link ${modules[2]})`);
  for (const stage of stages) {
    row(`${stage.label} (${stage.name})`, seen(stage.name) ? per(stage.name) : undefined);
    for (const part of stage.parts ?? []) row(`  ${part.label} (${part.name})`, seen(part.name) ? per(part.name) : undefined);
  }
  row('garbage collection', per('gc'));
  const largest = [...rest].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([where, ms]) => `${where} ${(ms / runs).toFixed(0)}`).join(', ');
  row('the rest', per('rest'));
  if (largest) lines.push(`    largest in the rest (ms): ${largest}`);
  return { runs, ms: profiled / Math.max(runs, 1), lines };
}

const BUILD_STAGES = [
  { name: 'loadIssue', label: 'read + parse' },
  { name: 'lintIssue', label: 'rules' },
  { name: 'renderIssue', label: 'render', parts: [{ name: 'juiceDocument', label: 'inline CSS' }, { name: 'renderText', label: 'plain text' }] },
  { name: 'checkInbox', label: 'inbox checks' },
  { name: 'renderEml', label: '.eml' },
  { name: 'publishIssueFolder', label: 'write' },
];
const LINT_STAGES = BUILD_STAGES.slice(0, 2);

// --- Report ---------------------------------------------------------------------------------

const ms = (name) => median(rows[name].map((run) => run.ms));
const peak = (name) => Math.max(...rows[name].map((run) => run.mib));
const bare = ms('bare');
const bareAll = ms('bare-all');
const htmlBytes = statSync(join(work, 'out-42-0', '042', 'index.html')).size;
const textBytes = statSync(join(work, 'out-42-0', '042', 'index.txt')).size;
const peerBytes = rows.mjml && peer.source ? statSync(join(work, 'mjml-0.html')).size : undefined;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const table = [
  ['measure', 'runs', 'median', '× bare', 'peak memory', 'budget', 'verdict'],
];
const verdicts = [];
/** `blown`: undefined when there is no budget, else the list of budgets blown (empty: ok). */
const line = (label, name, base, budget, blown) => {
  const ratio = ms(name) / base;
  const verdict = blown === undefined ? '' : blown.length === 0 ? 'ok' : `OVER (${blown.join(', ')})`;
  table.push([label, String(rows[name].length), `${ms(name).toFixed(0)} ms`, `${ratio.toFixed(2)}×`, `${peak(name).toFixed(0)} MiB`, budget, verdict]);
  if (blown?.length) verdicts.push(`${label}: ${blown.join(', ')} over its budget (${budget})`);
};
const over = (checks) => Object.entries(checks).filter(([, ok]) => !ok).map(([what]) => what);
line('node -e 0 (bare start-up)', 'bare', bare, '—');
line('pvd lint issues/042/issue.md (edited, warm)', 'lint', bare, `≤ ${BUDGET.lint}× bare`, over({ time: ms('lint') / bare <= BUDGET.lint }));
line('pvd lint issues/042/issue.md (unchanged, warm)', 'lint-unchanged', bare, '—');
line('pvd lint issues/042/issue.md (edited, cold)', 'lint-cold', bare, '—');
line('pvd build 42 (edited)', 'build', bare, `≤ ${BUDGET.build}× bare, ≤ ${BUDGET.buildMemoryMib} MiB`, over({ time: ms('build') / bare <= BUDGET.build, memory: peak('build') <= BUDGET.buildMemoryMib }));
line('pvd build 42 (unchanged, remembered)', 'build-unchanged', bare, '—');
if (rows.mjml && peer.source) line(`mjml ${PEER_NAME} (the peer)`, 'mjml', bare, 'none (the peer)');
line('pvd publish 42 --to <new folder>', 'publish', bare, '—');
line('pvd publish 42 --to <same folder> (unchanged)', 'publish-again', bare, '—');
line('node -e 0 (during --all runs)', 'bare-all', bareAll, '—');
line(`pvd lint issues/042/issue.md among ${ALL_MAX} issues (edited, warm)`, 'lint-among', bareAll, `≤ ${BUDGET.lint}× bare`, over({ time: ms('lint-among') / bareAll <= BUDGET.lint }));
for (const count of ALL_SIZES) {
  const budgeted = count === ALL_MAX;
  line(`pvd build --all (${count} issues, one edited)`, `all-${count}`, bareAll,
    budgeted ? `≤ ${BUDGET.all}× bare, ≤ ${BUDGET.allMemoryMib} MiB` : '—',
    budgeted ? over({ time: ms(`all-${count}`) / bareAll <= BUDGET.all, memory: peak(`all-${count}`) <= BUDGET.allMemoryMib }) : undefined);
}
for (const count of ALL_SIZES) line(`pvd build --all (${count} issues, all rendered: new out dir)`, `all-rendered-${count}`, bareAll, '—');
line(`pvd build --all (${ALL_MAX} issues, all rendered, no parse remembered)`, 'all-cold', bareAll, '—');

if (HUGE_RUNS > 0) {
  const bareHuge = ms('bare-huge');
  line('node -e 0 (during the huge inputs)', 'bare-huge', bareHuge, '—');
  for (const name of Object.keys(huge)) {
    for (const command of ['lint', 'build']) {
      const row = `huge-${command} ${name}`;
      line(`pvd ${command} 42, ${name}`, row, bareHuge, `≤ ${BUDGET.huge}× bare, ≤ ${BUDGET.hugeMemoryMib} MiB`, over({ time: ms(row) / bareHuge <= BUDGET.huge, memory: peak(row) <= BUDGET.hugeMemoryMib }));
    }
  }
  for (const name of Object.keys(bigImageProjects)) {
    const row = `big-image ${name}`;
    line(`pvd lint 42, ${name}`, row, bareHuge, `≤ ${BUDGET.huge}× bare, ≤ ${BUDGET.bigImageMemoryMib} MiB`, over({ time: ms(row) / bareHuge <= BUDGET.huge, memory: peak(row) <= BUDGET.bigImageMemoryMib }));
  }
}

// Linear growth: the cost of each extra issue rendered must not rise with the number of issues.
const [small, middle, large] = ALL_SIZES;
const perIssue = ALL_SIZES.map((count) => ms(`all-rendered-${count}`) / count);
const slopeLow = (ms(`all-rendered-${middle}`) - ms(`all-rendered-${small}`)) / (middle - small);
const slopeHigh = (ms(`all-rendered-${large}`) - ms(`all-rendered-${middle}`)) / (large - middle);
const linear = slopeHigh <= slopeLow * BUDGET.linearSlack + 1;
if (!linear) verdicts.push(`growth: ${slopeHigh.toFixed(1)} ms per extra issue from ${middle} to ${large}, against ${slopeLow.toFixed(1)} from ${small} to ${middle} (more than ${BUDGET.linearSlack}×)`);

const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
const render = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
const cpu = cpus()[0]?.model ?? 'unknown CPU';

console.log(`pvd benchmark — ${new Date().toISOString()}`);
console.log(`Machine: ${availableParallelism()} CPU(s), ${cpu}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM; Node ${process.version}; load average ${loadBefore.map((value) => value.toFixed(2)).join(' ')} before, ${after.map((value) => value.toFixed(2)).join(' ')} after`);
console.log(`Medians of ${RUNS} runs (single issue), ${ALL_RUNS} runs (--all) and ${HUGE_RUNS} runs (huge inputs)${QUICK ? ' — BENCH_QUICK=1' : ''}; ratios are to bare \`node -e 0\` measured in the same rounds; peak memory is the largest maxRSS of the runs (MiB).`);
console.log(`--all: #42 and its copies renumbered 101…, ${ALL_SIZES.join(', ')} issues in all.${HUGE_RUNS === 0 ? ' Huge inputs skipped (BENCH_HUGE_RUNS=0).' : ''}\n`);
console.log(render(table[0]));
console.log(render(widths.map((width) => '-'.repeat(width))));
for (const row of table.slice(1)) console.log(render(row));
console.log('');
console.log('Lint: warm = the spelling verdicts remembered; cold = none remembered, hunspell and dictionary-fr loaded and every word judged. Edited = #42 changed since the last run, so parsed afresh (the pre-commit path, budgeted; pvd build 42 too); unchanged = its parse remembered as well.');
console.log(`--all: one issue edited since the last build --all by this pvd into the same out dir (an archive to which the month's issue is added): it is rendered, the others are remembered (their sources and their out/NNN/ unchanged, checked on every run). "All rendered": the same into a new out dir, every issue rendered and written, their parses remembered; "no parse remembered" too: the first build after an install or an upgrade.`);
if (peer.source) console.log(`The peer: mjml ${peer.version} (${relative(REPO, MJML_CLI)}) rendering ${peer.source}, in the same rounds as pvd build 42.`);
else console.log(`The peer (MJML) is skipped: ${peer.skipped}.`);
console.log(`#42 outputs: index.html ${kb(htmlBytes)} (budget ${BUDGET.htmlKb} KB; Gmail clips at 102 KB)${peerBytes === undefined ? '' : `, beside MJML's ${kb(peerBytes)} for the same newsletter`}; index.txt ${kb(textBytes)}`);
console.log(`--all cost per issue rendered: ${ALL_SIZES.map((count, index) => `${count} issues ${perIssue[index].toFixed(1)} ms`).join(', ')}; marginal ${slopeLow.toFixed(1)} ms/issue (${small}→${middle}), ${slopeHigh.toFixed(1)} ms/issue (${middle}→${large}): ${linear ? 'linear' : 'NOT linear'}`);
if (htmlBytes > BUDGET.htmlKb * 1024) verdicts.push(`#42 HTML is ${kb(htmlBytes)}, over the ${BUDGET.htmlKb} KB budget`);

for (const [name, title, stages] of [['build', 'pvd build 42', BUILD_STAGES], ['lint', 'pvd lint issues/042/issue.md (edited, warm)', LINT_STAGES]]) {
  const result = shares(profileDirs[name], stages);
  console.log('');
  if (result.runs === 0) {
    console.log(`Where the time of ${title} goes: no CPU profile written (BENCH_PROFILE_RUNS=${PROFILE_RUNS}).`);
    continue;
  }
  console.log(`Where the time of ${title} goes — CPU profiles (--cpu-prof) of ${result.runs} more run(s), not in the medians; mean ${result.ms.toFixed(0)} ms profiled per run:`);
  for (const text of result.lines) console.log(text);
}
console.log('');
if (verdicts.length > 0) {
  console.log(`Budgets blown:\n${verdicts.map((verdict) => `  ✖ ${verdict}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('✔ Every budget holds.');
}
