import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Parser } from 'htmlparser2';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { PVD, type PvdRun } from '../helpers.js';
import { prepareOutDir } from '../../src/io/out-dir.js';
import { configureRule, type ConfiguredRule } from '../../src/lint/index.js';
import { rules } from '../../src/lint/rules/index.js';
import { buildIssue, type BuildResult } from '../../src/pipeline/build.js';
import { openSession } from '../../src/pipeline/session.js';
import { compileTemplate } from '../../src/render/index.js';
import type { Template } from '../../src/template/model.js';

/** Gmail clips messages above 102 KB. */
export const GMAIL_CLIP_BYTES = 102 * 1024;

/** A project copy's template, compiled once, and a build function writing into root/out. */
export function inProcessBuilder(root: string, adjust: (template: Template) => Template = (template) => template) {
  const opened = openSession({ root, issuesDir: join(root, 'issues') });
  const template = adjust(opened.template);
  // The rules as the adjusted template.yaml would set them.
  const configured = rules.map((rule) => configureRule(rule, template.config.rules[rule.id], template)).filter((rule): rule is ConfiguredRule => rule !== undefined);
  const session = { ...opened, template, rules: configured };
  const compiled = compileTemplate(template);
  const outDir = prepareOutDir(root, 'out');
  return {
    template,
    project: session.project,
    session,
    outDir,
    build(path: string, file = path): Promise<BuildResult> {
      return buildIssue({ path, folder: dirname(path), file }, { session, compiled, target: template.config.target, outDir, write: true });
    },
  };
}

/** Every entry under a folder (symlinks as their target, files as a hash of their bytes), sorted. */
export function treeSnapshot(folder: string): string {
  if (!existsSync(folder)) return '(absent)';
  const lines: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) lines.push(`${prefix}${name} -> ${readlinkSync(path)}`);
      else if (stat.isDirectory()) {
        lines.push(`${prefix}${name}/`);
        walk(path, `${prefix}${name}/`);
      } else lines.push(`${prefix}${name} ${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)}`);
    }
  };
  walk(folder, '');
  return lines.join('\n');
}

/** The published files of out/NNN (following its link), path → sha256: what a reader sees. */
export function publishedFiles(folder: string): Record<string, string> | undefined {
  if (!existsSync(folder)) return undefined;
  const files: Record<string, string> = {};
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (lstatSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else files[`${prefix}${name}`] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(folder, '');
  return files;
}

/** Lines of a file as pvd counts them (after CRLF → LF, without a BOM). */
export function linesOf(source: string): string[] {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
}

/** A diagnostic points inside the file: 1 ≤ line ≤ lines, 1 ≤ column ≤ line length + 1. */
export function diagnosticOutOfBounds(diagnostic: Diagnostic, lines: readonly string[]): string | undefined {
  const { line, column } = diagnostic;
  const where = `${diagnostic.rule} ${line}:${column} (${diagnostic.message.en})`;
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return `line out of the file (${lines.length} lines): ${where}`;
  const length = lines[line - 1]!.length;
  if (!Number.isInteger(column) || column < 1 || column > length + 1) return `column out of line ${line} (${length} characters): ${where}`;
  return undefined;
}

/**
 * The checks every email pvd emits must pass: a document in French with a title, images
 * with alt text and https addresses, and nothing that runs code.
 */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  if (!/^<!doctype html>/i.test(html)) problems.push('no <!doctype html> first');
  if (Buffer.byteLength(html) >= GMAIL_CLIP_BYTES) problems.push(`size ${Buffer.byteLength(html)} ≥ 102 KB`);
  let hasLang = false;
  let titles = 0;
  let titleText = '';
  let inTitle = false;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'html' && attributes.lang === 'fr') hasLang = true;
      if (name === 'title') {
        titles++;
        inTitle = true;
      }
      if (name === 'script') problems.push('<script> element');
      for (const [attribute, value] of Object.entries(attributes)) {
        if (/^on/i.test(attribute)) problems.push(`event handler attribute ${attribute}="${value}" on <${name}>`);
        const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
        if (/^(javascript|vbscript|data):/.test(compact) && (attribute === 'href' || attribute === 'src' || attribute === 'action' || attribute === 'background' || attribute === 'formaction' || attribute === 'xlink:href')) {
          problems.push(`dangerous URL ${attribute}="${value}" on <${name}>`);
        }
      }
      if (name === 'img') {
        if (!('alt' in attributes)) problems.push(`<img> without alt: ${attributes.src}`);
        if (!/^https:\/\//.test(attributes.src ?? '')) problems.push(`<img> src not https: ${attributes.src}`);
      }
    },
    ontext(text) {
      if (inTitle) titleText += text;
    },
    onclosetag(name) {
      if (name === 'title') inTitle = false;
    },
  }, { decodeEntities: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  if (!hasLang) problems.push('no <html lang="fr">');
  if (titles !== 1 || titleText.trim() === '') problems.push('no non-empty <title>');
  return problems;
}

/**
 * Loaded before pvd with `node --import`: prints on stderr, last, how many bytes the
 * process read through system calls (Linux's /proc/self/io, `rchar`): a count of work, not
 * a time, the same on a fast or a slow machine.
 */
const BYTES_READ_IMPORT = `data:text/javascript,${encodeURIComponent(
  "import { readFileSync } from 'node:fs'; import { isMainThread } from 'node:worker_threads'; if (isMainThread) process.on('exit', () => { process.stderr.write('\\nbytes-read ' + /rchar: (\\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))[1] + '\\n'); });",
)}`;

export const canCountBytesRead = existsSync('/proc/self/io');

/** Runs the compiled CLI like runPvd and says how many bytes it read in all (its code, the issue, the images…). */
export function runPvdCountingReads(args: readonly string[], options: { cwd: string }): PvdRun & { bytesRead: number } {
  const result = spawnSync(process.execPath, ['--import', BYTES_READ_IMPORT, PVD, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', PVD_LANG: '', PVD_ROOT: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const counted = /\nbytes-read (\d+)\n$/.exec(result.stderr);
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr.slice(0, counted?.index), bytesRead: Number(counted?.[1]) };
}

/** What a stack trace looks like in pvd's output: a user must never see one. */
export const STACK_TRACE = /^\s+at .+[(:]\d+/m;
