import { readFileSync, realpathSync, statSync, chmodSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics.js';
import { sortDiagnostics } from '../diagnostics.js';
import { writeFileAtomic } from '../io/atomic.js';
import { loadIssueSource } from '../issue/load.js';
import type { Issue } from '../issue/model.js';
import { readIssueSource } from '../issue/read.js';
import type { Project } from '../project.js';
import type { Template } from '../template/model.js';
import { runRules } from './engine.js';
import { applyFixes } from './fix.js';
import type { Rule } from './rule.js';
import { rules as allRules } from './rules/index.js';

export interface LintedIssue {
  file: string;
  path: string;
  issue: Issue | undefined;
  diagnostics: Diagnostic[];
  /** How many fixes --fix applied. */
  fixed?: number;
}

/** Read → parse → every rule. Problems in the content are diagnostics; unreadable paths throw UsageError. */
export function lintFile(path: string, file: string, template: Template, project: Project, rules: readonly Rule[] = allRules): LintedIssue {
  const read = readIssueSource(path, file);
  if (!read.ok) return { file, path, issue: undefined, diagnostics: [read.diagnostic] };
  return lintSource(read.source, path, file, template, project, rules);
}

/** Parse → every rule, on text already read (the --fix passes lint what they just fixed). */
export function lintSource(source: string, path: string, file: string, template: Template, project: Project, rules: readonly Rule[] = allRules): LintedIssue {
  const loaded = loadIssueSource(source, path, file, template);
  const issue = loaded.issue!;
  let applicable = rules;
  if (loaded.diagnostics.length > 0) {
    // The header could not be read: its own problem is said once, not as six missing keys.
    applicable = rules.filter((rule) => rule.id !== 'front-matter');
    // An unclosed header swallowed the whole file: there is no body to check.
    if (issue.bodyLine > source.split('\n').length) applicable = [];
  }
  const diagnostics = [...loaded.diagnostics, ...runRules({ issue, template, project }, applicable)];
  return { file, path, issue, diagnostics: sortDiagnostics(diagnostics) };
}

/** Passes of fixing; a fix can reveal or unblock another, as in eslint. */
const MAX_FIX_PASSES = 10;

/**
 * Lints, applies every fix, lints again until nothing is left to fix, writes the file
 * once (atomically, keeping its line endings, BOM and mode) and reports what remains.
 */
export function fixFile(path: string, file: string, template: Template, project: Project, rules: readonly Rule[] = allRules): LintedIssue {
  const read = readIssueSource(path, file);
  if (!read.ok) return { file, path, issue: undefined, diagnostics: [read.diagnostic] };
  let source = read.source;
  let linted = lintSource(source, path, file, template, project, rules);
  let fixed = 0;
  // As eslint, no fix on a file that does not parse: without its header, YAML would be
  // read as prose (its quotes « fixed »).
  const parses = !linted.diagnostics.some((diagnostic) => diagnostic.rule === 'parse');
  for (let pass = 0; parses && pass < MAX_FIX_PASSES; pass++) {
    const { output, applied } = applyFixes(source, linted.diagnostics);
    if (applied === 0 || output === source) break;
    fixed += applied;
    source = output;
    linted = lintSource(source, path, file, template, project, rules);
  }
  if (fixed > 0) writeKeepingFormat(path, source);
  return { ...linted, fixed };
}

function writeKeepingFormat(path: string, text: string): void {
  // Through a symlinked issue.md, the file it points at is rewritten, not the link.
  const target = realpathSync(path);
  const raw = readFileSync(target);
  const bom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? '\ufeff' : '';
  const crlf = raw.includes('\r\n');
  const { mode } = statSync(target);
  writeFileAtomic(target, bom + (crlf ? text.replace(/\n/g, '\r\n') : text));
  chmodSync(target, mode & 0o7777);
}
