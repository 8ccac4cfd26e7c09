import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { checkInbox } from '../inbox/index.js';
import { publishIssueFolder, type OutputFile } from '../io/output-folder.js';
import { imageProblems } from '../io/publishable.js';
import { lintFile } from '../lint/lint-file.js';
import { displayPath, type Project } from '../project.js';
import { emlHeaders, renderEml, type EmlHeaders } from '../render/eml.js';
import { renderIssue, type CompiledTemplate } from '../render/index.js';
import type { Issue } from '../issue/model.js';
import type { TargetName, Template } from '../template/model.js';

export interface BuildOptions {
  template: Template;
  compiled: CompiledTemplate;
  project: Project;
  target: TargetName;
  outDir: string;
  /** Write out/NNN/ with the .eml (false for --stdout, which writes nothing). */
  write: boolean;
}

export interface BuiltIssue {
  number: number;
  date: string;
  subject: string;
  status: 'draft' | 'ready';
  folderName: string;
  folder: string;
  html: string;
  text: string;
  files: OutputFile[];
  changed: boolean;
}

export interface BuildResult {
  file: string;
  /** Lint's diagnostics, then the inbox checks' on the built HTML. */
  diagnostics: Diagnostic[];
  /** Present when the issue was rendered (inbox errors do not prevent it). */
  output?: BuiltIssue;
}

/**
 * read → parse → lint → render → check → write, for one issue. An issue with lint errors
 * is not rendered, nor one whose images may not be published, whatever lint's settings.
 */
export async function buildIssue(path: string, file: string, options: BuildOptions): Promise<BuildResult> {
  const linted = lintFile(path, file, options.template, options.project);
  const hasErrors = linted.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  const frontMatter = linted.issue?.frontMatter;
  if (hasErrors || !linted.issue || !frontMatter) return { file, diagnostics: linted.diagnostics };
  const unpublishable = imageRefusals(linted.issue, options.template, linted.diagnostics);
  if (unpublishable.length > 0) return { file, diagnostics: sortDiagnostics([...linted.diagnostics, ...unpublishable]) };

  const rendered = renderIssue(linted.issue, frontMatter, options.template, options.target, options.compiled);
  const folder = join(options.outDir, rendered.folderName);
  const inbox = checkInbox({
    html: rendered.html,
    text: rendered.text,
    htmlFile: displayPath(join(folder, 'index.html')),
    textFile: displayPath(join(folder, 'index.txt')),
    mergeTags: rendered.mergeTags,
    config: options.template.config,
  });
  const files: OutputFile[] = [
    { path: 'index.html', content: rendered.html },
    { path: 'index.txt', content: rendered.text },
    ...rendered.images.map((image) => ({ path: image.outputPath, source: image.source })),
  ];
  let changed = false;
  if (options.write) {
    const headers = emlHeaders(frontMatter, options.template.config, rendered.html, rendered.text);
    files.push({ path: 'issue.eml', content: publishedEml(folder, headers) ?? (await renderEml(headers, rendered.html, rendered.text)) });
    changed = publishIssueFolder(options.outDir, rendered.folderName, files);
  }
  return {
    file,
    diagnostics: [...linted.diagnostics, ...inbox],
    output: { number: frontMatter.number, date: frontMatter.date, subject: frontMatter.subject, status: frontMatter.status, folderName: rendered.folderName, folder, html: rendered.html, text: rendered.text, files, changed },
  };
}

/** The image problems lint would report, as errors even where its rules are off or lowered to warnings. */
function imageRefusals(issue: Issue, template: Template, reported: readonly Diagnostic[]): Diagnostic[] {
  return imageProblems(issue, template)
    .map((problem): Diagnostic => ({ file: issue.file, ...problem.image.position, severity: 'error', rule: problem.rule, message: problem.message }))
    .filter((refusal) => !reported.some((diagnostic) => diagnostic.severity === 'error' && diagnostic.rule === refusal.rule && diagnostic.line === refusal.line && diagnostic.column === refusal.column));
}

/**
 * The .eml already published for this issue, if it has the Message-ID this build would
 * give it: that ID is a hash of everything in the message, so the bytes are the same and
 * an unchanged rebuild does not load the MIME library.
 */
function publishedEml(folder: string, headers: EmlHeaders): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(folder, 'issue.eml'));
  } catch {
    return undefined;
  }
  const head = bytes.subarray(0, bytes.indexOf('\r\n\r\n')).toString('latin1');
  return new RegExp(`^Message-ID: ${escapeRegExp(headers.messageId)}\\r?$`, 'm').test(head) ? bytes : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
