import type { Diagnostic } from '../diagnostics.js';
import type { BuildResult } from './build.js';

/** What the build command needs of one built issue: small enough to cross from a worker thread. */
export interface BuildReport {
  file: string;
  diagnostics: Diagnostic[];
  output?: {
    number: number;
    date: string;
    subject: string;
    status: 'draft' | 'ready';
    folderName: string;
    folder: string;
    html: string;
    text: string;
    imageCount: number;
    changed: boolean;
  };
}

export function toReport(result: BuildResult): BuildReport {
  if (!result.output) return { file: result.file, diagnostics: result.diagnostics };
  const { files, ...output } = result.output;
  return { file: result.file, diagnostics: result.diagnostics, output: { ...output, imageCount: files.filter((file) => file.path.startsWith('images/')).length } };
}
