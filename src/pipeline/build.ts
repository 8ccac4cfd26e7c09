import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { publishFolder, type OutputFile } from '../io/atomic.js';
import { lintFile } from '../lint/lint-file.js';
import type { Project } from '../project.js';
import { renderIssue, type CompiledTemplate } from '../render/index.js';
import type { TargetName, Template } from '../template/model.js';

export interface BuildOptions {
  template: Template;
  compiled: CompiledTemplate;
  project: Project;
  target: TargetName;
  outDir: string;
  /** Also write the .eml (skipped by --stdout, which writes nothing). */
  write: boolean;
}

export interface BuildResult {
  file: string;
  diagnostics: Diagnostic[];
  /** Present when the issue was rendered. */
  output?: { folder: string; html: string; text: string; files: OutputFile[]; changed: boolean };
}

/** read → parse → lint → render → write, for one issue. An issue with lint errors is not rendered. */
export async function buildIssue(path: string, file: string, options: BuildOptions): Promise<BuildResult> {
  const linted = lintFile(path, file, options.template, options.project);
  const hasErrors = linted.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  if (hasErrors || !linted.issue?.frontMatter) return { file, diagnostics: linted.diagnostics };

  const rendered = renderIssue(linted.issue, linted.issue.frontMatter, options.template, options.target, options.compiled);
  const files: OutputFile[] = [
    { path: 'index.html', content: rendered.html },
    { path: 'index.txt', content: rendered.text },
    ...rendered.images.map((image) => ({ path: image.outputPath, content: readFileSync(image.source) })),
  ];
  const folder = join(options.outDir, rendered.folderName);
  const changed = options.write ? publishFolder(options.outDir, rendered.folderName, files) : false;
  return { file, diagnostics: linted.diagnostics, output: { folder, html: rendered.html, text: rendered.text, files, changed } };
}
