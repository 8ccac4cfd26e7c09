#!/usr/bin/env node
// npm run bench — SPEC §6: how long pvd takes, measured against bare Node start-up in the
// same run, with each command's peak memory. Runs the compiled CLI (bin/pvd.js → dist/)
// on a temporary copy of templates/ and issues/, never on the repository itself.
//
//   npm run bench                 10 runs per single-issue figure, 5 per --all figure
//   BENCH_RUNS=20 BENCH_ALL_RUNS=10 npm run bench
//
// Exits 1 when a budget is blown, 2 when something could not be measured.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const ALL_RUNS = Number(process.env.BENCH_ALL_RUNS ?? 5);
const ALL_SIZES = [30, 60, 120];
const BUDGET = { lint: 2.5, build: 5, all120Ms: 3000, buildMemoryMb: 120, linearSlack: 1.5 };

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

/** One measured process: wall time (ms) and peak memory (MB). */
function measure(args, cwd) {
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', MAXRSS_IMPORT, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', PVD_ROOT: '', BENCH_MAXRSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0) {
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
console.log(`Medians of ${RUNS} runs (single issue) and ${ALL_RUNS} runs (--all); ratios are to bare \`node -e 0\` measured in the same rounds; peak memory is the largest maxRSS of the runs.\n`);
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
