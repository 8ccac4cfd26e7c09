import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PVD = join(REPO, 'bin', 'pvd.js');
export const ISSUE_042 = join(REPO, 'issues', '042', 'issue.md');

const CACHE = join(REPO, 'node_modules', '.cache', 'pvd');
/** The spelling rule's verdict stores, in pvd's own cache: shared by every test. */
export const spellingStores = (): string[] => (existsSync(CACHE) ? readdirSync(CACHE).filter((name) => name.startsWith('spelling-')).map((name) => join(CACHE, name)) : []);

/** Takes out of every verdict store a word a test taught pvd, so that no other test finds it judged. */
export function forgetSpellingVerdict(word: string): void {
  for (const file of spellingStores()) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes(word)) continue;
    const entry = JSON.parse(text) as { value: { known: string[]; unknown: Record<string, string[]> } };
    delete entry.value.unknown[word];
    entry.value.known = entry.value.known.filter((known) => known !== word);
    writeFileSync(file, JSON.stringify(entry));
  }
}

export interface PvdRun {
  code: number | null;
  stdout: string;
  stderr: string;
  signal: NodeJS.Signals | null;
}

/**
 * Loaded with `node --import` before pvd: the clock reads noon of `day` (local time), so a
 * test never depends on the date it runs. Only `new Date()` and `Date.now()` are moved;
 * timers run as usual. No quote in the module, so that a shell can pass it single-quoted.
 */
export function fixedToday(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `data:text/javascript,${encodeURIComponent(`
const Real = Date;
const noon = new Real(${year}, ${month! - 1}, ${date}, 12).getTime();
class Today extends Real {
  constructor(...args) { if (args.length === 0) super(noon); else super(...args); }
  static now() { return noon; }
}
globalThis.Date = Today;
`)}`;
}

/** Runs the compiled CLI as a user would, with no TTY and colours off; `today` fixes the date it sees. */
export function runPvd(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeout?: number; today?: string } = {}): PvdRun {
  const clock = options.today ? ['--import', fixedToday(options.today)] : [];
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [...clock, PVD, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', PVD_LANG: '', PVD_ROOT: '', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

const projects = new Set<string>();

/**
 * A throwaway copy of the newsletter repository (templates/ and issues/), for tests that
 * write. Every copy a test file makes is removed after it (tests/setup.ts).
 */
export function makeProject(options: { issues?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'pvd-test-'));
  projects.add(root);
  cpSync(join(REPO, 'templates'), join(root, 'templates'), { recursive: true });
  if (options.issues !== false) cpSync(join(REPO, 'issues'), join(root, 'issues'), { recursive: true });
  return root;
}

/** Removes every project copy made so far: run after each test file. */
export function removeProjects(): void {
  for (const root of projects) rmSync(root, { recursive: true, force: true });
  projects.clear();
}

/** The line and column of an offset in `source`, 1-based as pvd reports them. */
export function positionAt(source: string, index: number): { line: number; column: number } {
  const lines = source.slice(0, index).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** Where `text` first starts in `source` (plus `offset` characters). */
export function positionIn(source: string, text: string | RegExp, offset = 0): { line: number; column: number } {
  const index = typeof text === 'string' ? source.indexOf(text) : source.search(text);
  if (index === -1) throw new Error(`${String(text)} is not in the source`);
  return positionAt(source, index + offset);
}

/** The line of a file where `text` first appears. */
export function lineOf(path: string, text: string): number {
  return positionIn(readFileSync(path, 'utf8'), text).line;
}

/** Rewrites issue.md of a project copy through a function of its text. */
export function editIssue(root: string, number: string, edit: (source: string) => string): string {
  const path = join(root, 'issues', number, 'issue.md');
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return path;
}

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** Flags for Debian's Chromium as root in a sandbox with no network beyond loopback. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Said once per suite that needs Chromium, so a skipped run is never silent. */
export function chromiumSkipReason(): string | undefined {
  return hasChromium ? undefined : `Chromium absent (${CHROMIUM}) : tests navigateur ignorés — installez le paquet Debian « chromium ».`;
}

/**
 * Opens a built email as a reader would, at a given width and colour scheme (and as an inbox
 * receives it, through `transform`). Its images
 * point at the template's public base URL (no network here): they are served from the
 * build's own images/.
 */
export async function openEmail(page: Page, outFolder: string, options: { width: number; colorScheme?: 'light' | 'dark'; transform?: (html: string) => string }): Promise<void> {
  await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
  await page.setViewportSize({ width: options.width, height: 900 });
  await page.route('https://agence-cohesion-territoires.gouv.fr/lettre-pvd/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/lettre-pvd\/\d{3}\//, '');
    try {
      await route.fulfill({ body: readFileSync(join(outFolder, decodeURIComponent(path))), contentType: path.endsWith('.png') ? 'image/png' : 'image/jpeg' });
    } catch {
      await route.fulfill({ status: 404 });
    }
  });
  const html = readFileSync(join(outFolder, 'index.html'), 'utf8');
  await page.setContent(options.transform ? options.transform(html) : html, { waitUntil: 'load' });
}
