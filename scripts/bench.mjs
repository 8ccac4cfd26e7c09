#!/usr/bin/env node
// npm run bench — SPEC §6: how long pvd takes, measured against bare Node start-up in the
// same run, with each command's peak memory. Runs the compiled CLI (bin/pvd.js → dist/)
// on a temporary copy of templates/ and issues/, never on the repository itself.
//
//   npm run bench                 10 runs per single-issue figure, 5 per --all figure, 3 per huge input
//   BENCH_RUNS=20 BENCH_ALL_RUNS=10 BENCH_HUGE_RUNS=5 npm run bench
//
// Exits 1 when a budget is blown, 2 when something could not be measured.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const ALL_RUNS = Number(process.env.BENCH_ALL_RUNS ?? 5);
const HUGE_RUNS = Number(process.env.BENCH_HUGE_RUNS ?? 3);
const ALL_SIZES = [30, 60, 120];
// Huge and pathological inputs (tests/robustness/huge-inputs.test.ts, tests/robustness/images.test.ts):
// a located answer within a couple of seconds (20× a bare start-up of 0.1 s), never the whole file in memory.
const BUDGET = { lint: 2.5, build: 5, all120Ms: 3000, buildMemoryMb: 120, linearSlack: 1.5, huge: 20, hugeMemoryMb: 300, bigImageMemoryMb: 150 };

// Loaded before each measured process: writes its peak memory (KiB) at exit.
const MAXRSS_IMPORT = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; import { isMainThread } from 'node:worker_threads'; if (isMainThread) process.on('exit', () => { if (process.env.BENCH_MAXRSS_FILE) writeFileSync(process.env.BENCH_MAXRSS_FILE, String(process.resourceUsage().maxRSS)); });",
)}`;

if (!existsSync(join(REPO, 'dist', 'cli.js'))) {
  console.error('dist/cli.js is missing: run "npm install" (or "npm run build") first.');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'pvd-bench-'));
const rssFile = join(work, 'maxrss');
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// The CLI as compiled now, copied aside: a rebuild of dist/ during the benchmark (tests
// recompile it) would otherwise swap the lazily loaded chunks under a running pvd.
const cli = join(work, 'pvd');
for (const part of ['bin', 'dist', 'package.json']) cpSync(join(REPO, part), join(cli, part), { recursive: true });
symlinkSync(join(REPO, 'node_modules'), join(cli, 'node_modules'), 'dir');
const PVD = join(cli, 'bin', 'pvd.js');

/** One measured process: wall time (ms) and peak memory (MB); any other exit code than `codes` stops the benchmark. */
function measure(args, cwd, codes = [0]) {
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', MAXRSS_IMPORT, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', PVD_ROOT: '', BENCH_MAXRSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (!codes.includes(result.status)) {
    const output = `${result.stdout}${result.stderr}`.trim().split('\n');
    console.error(`"${args.join(' ')}" failed (exit ${result.status ?? result.signal}):\n${output.slice(-15).join('\n')}`);
    process.exit(2);
  }
  return { ms, mb: existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN };
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

/** A repository of `count` issues: #42 copied under numbers 101… with monthly dates. */
function makeArchive(count) {
  const root = join(work, `archive-${count}`);
  cpSync(join(REPO, 'templates'), join(root, 'templates'), { recursive: true });
  // #42's weekdays belong to December 2024: moved to other months, they no longer match
  // their dates, which date-weekday rightly refuses. The copies only stand for the volume.
  const yaml = join(root, 'templates', 'pvd', 'template.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^rules: \{\}$/m, 'rules: { date-weekday: off }'));
  const source = join(single, 'issues', '042');
  const text = readFileSync(join(source, 'issue.md'), 'utf8');
  for (let index = 0; index < count; index++) {
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
  '1,000 sections in 4,900 lines': () => `${ORIGINAL}\n${Array.from({ length: 1_000 }, (_, n) => `## L'actu\n### Article ${n}\nTexte ${n} avec [un lien](https://agence-cohesion-territoires.gouv.fr/${n}).\n`).join('').split('\n').slice(0, 4_700).join('\n')}\n`,
  '950 link-wrapped images': () => `${ORIGINAL}\n\n${'[![a](images/toul.jpg)](https://a.fr/) '.repeat(950)}\n`,
  'one 900 KB paragraph': () => `${ORIGINAL}\n\n${'mot '.repeat(230_000)}\n`,
  '50,000 front matter keys': () => ORIGINAL.replace('status: ready', `status: ready\n${Array.from({ length: 50_000 }, (_, n) => `k${n}: ${n}`).join('\n')}`),
};
const huge = Object.fromEntries(Object.entries(HUGE).map(([name, make], index) => {
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
const bigImageProjects = Object.fromEntries(Object.entries(bigImages).map(([name, [bytes, head]], index) => {
  const root = makeProject(`big-image-${index}`);
  sparse(join(root, 'issues', '042', 'images', 'enorme.jpg'), bytes, head);
  const path = join(root, 'issues', '042', 'issue.md');
  writeFileSync(path, readFileSync(path, 'utf8').replace('images/toul.jpg', 'images/enorme.jpg'));
  return [name, root];
}));

// --- Measurements ---------------------------------------------------------------------------

const loadBefore = loadavg();
const rows = {};
const record = (name, run) => (rows[name] ??= []).push(run);

// Warm the file cache once; interleave the single-issue figures so load drifts hit all alike.
measure(['-e', '0'], single);
measure([PVD, 'build', '42', '--out-dir', join(work, 'out-warm')], single);
for (let run = 0; run < RUNS; run++) {
  record('bare', measure(['-e', '0'], single));
  record('lint', measure([PVD, 'lint', 'issues/042/issue.md'], single));
  forgetVerdicts();
  record('lint-cold', measure([PVD, 'lint', 'issues/042/issue.md'], single));
  record('build', measure([PVD, 'build', '42', '--out-dir', join(work, `out-42-${run}`)], single));
  // --no-check: the online check would ask publicBaseUrl, out on the network.
  record('publish', measure([PVD, 'publish', '42', '--to', join(work, `site-42-${run}`), '--no-check'], single));
  record('publish-again', measure([PVD, 'publish', '42', '--to', join(work, 'site-42-0'), '--no-check'], single));
}
const archives = Object.fromEntries(ALL_SIZES.map((count) => [count, makeArchive(count)]));
for (let run = 0; run < ALL_RUNS; run++) {
  record('bare-all', measure(['-e', '0'], single));
  for (const count of ALL_SIZES) {
    // A fresh out dir each time: an unchanged issue is not rewritten, which would flatter later runs.
    record(`all-${count}`, measure([PVD, 'build', '--all', '--out-dir', join(work, `out-${count}-${run}`)], archives[count]));
  }
}
for (let run = 0; run < HUGE_RUNS; run++) {
  record('bare-huge', measure(['-e', '0'], single));
  // Exit 1: the located refusal (or lint's warnings, or build's inbox errors) is the expected answer.
  for (const [name, root] of Object.entries(huge)) {
    record(`huge-lint ${name}`, measure([PVD, 'lint', '42'], root, [0, 1]));
    record(`huge-build ${name}`, measure([PVD, 'build', '42', '--out-dir', join(work, `out-huge-${run}`)], root, [0, 1]));
  }
  for (const [name, root] of Object.entries(bigImageProjects)) record(`big-image ${name}`, measure([PVD, 'lint', '42'], root, [1]));
}
const after = loadavg();

// --- Report ---------------------------------------------------------------------------------

const ms = (name) => median(rows[name].map((run) => run.ms));
const peak = (name) => Math.max(...rows[name].map((run) => run.mb));
const bare = ms('bare');
const bareAll = ms('bare-all');
const htmlBytes = statSync(join(work, 'out-42-0', '042', 'index.html')).size;
const textBytes = statSync(join(work, 'out-42-0', '042', 'index.txt')).size;

const table = [
  ['measure', 'runs', 'median', '× bare', 'peak memory', 'budget', 'verdict'],
];
const verdicts = [];
/** `blown`: undefined when there is no budget, else the list of budgets blown (empty: ok). */
const line = (label, name, base, budget, blown) => {
  const ratio = ms(name) / base;
  const verdict = blown === undefined ? '' : blown.length === 0 ? 'ok' : `OVER (${blown.join(', ')})`;
  table.push([label, String(rows[name].length), `${ms(name).toFixed(0)} ms`, `${ratio.toFixed(2)}×`, `${peak(name).toFixed(0)} MB`, budget, verdict]);
  if (blown?.length) verdicts.push(`${label}: ${blown.join(', ')} over its budget (${budget})`);
};
const over = (checks) => Object.entries(checks).filter(([, ok]) => !ok).map(([what]) => what);
line('node -e 0 (bare start-up)', 'bare', bare, '—');
line('pvd lint issues/042/issue.md (warm)', 'lint', bare, `≤ ${BUDGET.lint}× bare`, over({ time: ms('lint') / bare <= BUDGET.lint }));
line('pvd lint issues/042/issue.md (cold)', 'lint-cold', bare, '—');
line('pvd build 42', 'build', bare, `≤ ${BUDGET.build}× bare, ≤ ${BUDGET.buildMemoryMb} MB`, over({ time: ms('build') / bare <= BUDGET.build, memory: peak('build') <= BUDGET.buildMemoryMb }));
line('pvd publish 42 --to <new folder>', 'publish', bare, '—');
line('pvd publish 42 --to <same folder> (unchanged)', 'publish-again', bare, '—');
line('node -e 0 (during --all runs)', 'bare-all', bareAll, '—');
for (const count of ALL_SIZES) {
  line(`pvd build --all (${count} issues)`, `all-${count}`, bareAll, count === 120 ? `≤ ${BUDGET.all120Ms} ms` : '—', count === 120 ? over({ time: ms('all-120') <= BUDGET.all120Ms }) : undefined);
}

const bareHuge = ms('bare-huge');
line('node -e 0 (during the huge inputs)', 'bare-huge', bareHuge, '—');
for (const name of Object.keys(huge)) {
  for (const command of ['lint', 'build']) {
    const row = `huge-${command} ${name}`;
    line(`pvd ${command} 42, ${name}`, row, bareHuge, `≤ ${BUDGET.huge}× bare, ≤ ${BUDGET.hugeMemoryMb} MB`, over({ time: ms(row) / bareHuge <= BUDGET.huge, memory: peak(row) <= BUDGET.hugeMemoryMb }));
  }
}
for (const name of Object.keys(bigImageProjects)) {
  const row = `big-image ${name}`;
  line(`pvd lint 42, ${name}`, row, bareHuge, `≤ ${BUDGET.huge}× bare, ≤ ${BUDGET.bigImageMemoryMb} MB`, over({ time: ms(row) / bareHuge <= BUDGET.huge, memory: peak(row) <= BUDGET.bigImageMemoryMb }));
}

// Linear growth: the cost of each extra issue must not rise with the number of issues.
const perIssue = ALL_SIZES.map((count) => ms(`all-${count}`) / count);
const slopeLow = (ms('all-60') - ms('all-30')) / 30;
const slopeHigh = (ms('all-120') - ms('all-60')) / 60;
const linear = slopeHigh <= slopeLow * BUDGET.linearSlack + 1;
if (!linear) verdicts.push(`growth: ${slopeHigh.toFixed(1)} ms per extra issue from 60 to 120, against ${slopeLow.toFixed(1)} from 30 to 60 (more than ${BUDGET.linearSlack}×)`);

const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
const render = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
const cpu = cpus()[0]?.model ?? 'unknown CPU';

console.log(`pvd benchmark — ${new Date().toISOString()}`);
console.log(`Machine: ${availableParallelism()} CPU(s), ${cpu}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM; Node ${process.version}; load average ${loadBefore.map((value) => value.toFixed(2)).join(' ')} before, ${after.map((value) => value.toFixed(2)).join(' ')} after`);
console.log(`Medians of ${RUNS} runs (single issue), ${ALL_RUNS} runs (--all) and ${HUGE_RUNS} runs (huge inputs); ratios are to bare \`node -e 0\` measured in the same rounds; peak memory is the largest maxRSS of the runs.\n`);
console.log(render(table[0]));
console.log(render(widths.map((width) => '-'.repeat(width))));
for (const row of table.slice(1)) console.log(render(row));
console.log('');
console.log('Lint: warm = the spelling verdicts remembered (the pre-commit path); cold = none remembered, hunspell and dictionary-fr loaded and every word judged.');
console.log(`#42 outputs: index.html ${(htmlBytes / 1024).toFixed(1)} KB (Gmail clips at 102 KB; budget 60 KB), index.txt ${(textBytes / 1024).toFixed(1)} KB`);
console.log(`--all cost per issue: ${ALL_SIZES.map((count, index) => `${count} issues ${perIssue[index].toFixed(1)} ms`).join(', ')}; marginal ${slopeLow.toFixed(1)} ms/issue (30→60), ${slopeHigh.toFixed(1)} ms/issue (60→120): ${linear ? 'linear' : 'NOT linear'}`);
if (htmlBytes > 60 * 1024) verdicts.push(`#42 HTML is ${(htmlBytes / 1024).toFixed(1)} KB, over the 60 KB budget`);
console.log('');
if (verdicts.length > 0) {
  console.log(`Budgets blown:\n${verdicts.map((verdict) => `  ✖ ${verdict}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('✔ Every budget holds.');
}
