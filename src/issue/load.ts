import type { Diagnostic } from '../diagnostics.js';
import type { Template } from '../template/model.js';
import type { Issue } from './model.js';
import { parseIssue } from './parse.js';
import { readIssueSource } from './read.js';

export interface LoadedIssue {
  /** Undefined when the bytes could not even be read as text. */
  issue: Issue | undefined;
  diagnostics: Diagnostic[];
}

/** Reads and parses one issue.md. Throws UsageError only for paths that cannot be read. */
export function loadIssue(path: string, file: string, template: Template): LoadedIssue {
  const read = readIssueSource(path, file);
  if (!read.ok) return { issue: undefined, diagnostics: [read.diagnostic] };
  return loadIssueSource(read.source, path, file, template);
}

export function loadIssueSource(source: string, path: string, file: string, template: Template): LoadedIssue {
  return parseIssue(source, path, file, template.config.sections);
}
