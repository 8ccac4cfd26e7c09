import type { Diagnostic } from '../diagnostics/index.js';
import type { BuildResult, BuiltIssue } from './build.js';

/** What the build command needs of one built issue: small enough to cross from a worker thread. */
export interface BuildReport {
  file: string;
  diagnostics: Diagnostic[];
  output?: Omit<BuiltIssue, 'files'> & { imageCount: number };
}

export function toReport(result: BuildResult): BuildReport {
  if (!result.output) return { file: result.file, diagnostics: result.diagnostics };
  const { files, ...output } = result.output;
  return { file: result.file, diagnostics: result.diagnostics, output: { ...output, imageCount: files.filter((file) => file.path.startsWith('images/')).length } };
}
