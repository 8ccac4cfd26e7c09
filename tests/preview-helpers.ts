import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PVD } from './helpers.js';

export interface RunningPreview {
  child: ChildProcess;
  url: string;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const running = new Set<RunningPreview>();

/** Starts `pvd preview` as a user would and waits for the URL it prints. */
export async function startPreview(root: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningPreview> {
  const child = spawn(process.execPath, [PVD, 'preview', ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', PVD_LANG: '', PVD_ROOT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed after 30 s\nstdout: ${stdout}\nstderr: ${stderr}`)), 30_000);
    const look = (): void => {
      const match = /http:\/\/\S+\//.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`pvd preview exited (${code}) before printing its URL\n${stderr}`));
    });
  });
  const preview = { child, url, port: Number(/:(\d+)\/$/.exec(url)?.[1]), stdout: () => stdout, stderr: () => stderr, exited };
  running.add(preview);
  return preview;
}

/** Ends every preview still running (a test that failed half-way): run in afterEach. */
export async function stopPreviews(): Promise<void> {
  for (const preview of running) {
    if (preview.child.exitCode === null && preview.child.signalCode === null) preview.child.kill('SIGKILL');
    await preview.exited;
  }
  running.clear();
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

export interface RawResponse {
  status: number;
  head: string;
  body: string;
}

/** A raw HTTP/1.1 exchange: the path and the Host header go out exactly as written, with no client normalising them. */
export function rawRequest(port: number, method: string, path: string, host = `127.0.0.1:${port}`, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (response += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const split = response.indexOf('\r\n\r\n');
      const head = response.slice(0, split);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), head, body: Buffer.from(response.slice(split + 4), 'latin1').toString('utf8') });
    });
    const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.write(`${method} ${path} HTTP/1.1\r\nHost: ${host}\r\n${extra}Connection: close\r\n\r\n`);
  });
}

/** A snapshot as /events sends it (the fields the tests read). */
export interface SentSnapshot {
  target: string;
  defaultTarget: string;
  subject?: string;
  diagnostics: Array<{ file: string; line: number; column: number; severity: string; rule: string; message: string }>;
  email?: { html: string; text: string; at: number };
  copy?: { html: string; text: string };
}

/** Reads the preview's event stream until a snapshot satisfies `until`, and returns it. */
export async function snapshotWhere(url: string, until: (snapshot: SentSnapshot) => boolean, timeoutMs = 30_000): Promise<SentSnapshot> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended');
      buffered += value;
      let end;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data === undefined) continue;
        const snapshot = JSON.parse(data) as SentSnapshot;
        if (until(snapshot)) return snapshot;
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

export interface PreviewPage {
  preview: RunningPreview;
  page: Page;
  /** Every navigation of the page itself: one, if the preview never reloads it. */
  navigations: string[];
}

const contexts = new Set<BrowserContext>();

/**
 * Starts `pvd preview 42` in a project copy and opens it in a page of its own (a fresh
 * browser context, with the clipboard allowed if asked); resolves once the first snapshot is shown.
 */
export async function openPreviewPage(browser: Browser, root: string, options: { args?: string[]; env?: NodeJS.ProcessEnv; clipboard?: boolean; query?: string } = {}): Promise<PreviewPage> {
  const preview = await startPreview(root, ['42', '--port', '0', ...(options.args ?? [])], options.env);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.add(context);
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(preview.url).origin });
  const page = await context.newPage();
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  await page.goto(preview.url + (options.query ?? ''));
  await page.waitForFunction(() => document.body.dataset.state === 'ok' || document.body.dataset.state === 'errors');
  return { preview, page, navigations };
}

/** Closes every page opened by openPreviewPage: run in afterEach, with stopPreviews. */
export async function closePages(): Promise<void> {
  for (const context of contexts) await context.close();
  contexts.clear();
}
