import type { Diagnostic } from '../diagnostics/index.js';
import type { BuildResult, BuiltIssue } from './build.js';

/** What the build command needs of one built issue: small enough to cross from a worker thread. */
export interface BuildReport {
  file: string;
  diagnostics: Diagnostic[];
  output?: Omit<BuiltIssue, 'files' | 'html' | 'text'> & {
    imageCount: number;
    htmlBytes: number;
    /** The outputs themselves, only when nothing was written (`--stdout` prints one of them). */
    printed?: { html: string; text: string };
  };
}

/**
 * The report of a build. The HTML and the plaintext are in the files written: `build --all`
 * would otherwise hold every issue's (some 120 KB each in memory) until it ends.
 */
export function toReport(result: BuildResult, written: boolean): BuildReport {
  if (!result.output) return { file: result.file, diagnostics: result.diagnostics };
  const { files, html, text, ...output } = result.output;
  return {
    file: result.file,
    diagnostics: result.diagnostics,
    output: {
      ...output,
      imageCount: files.filter((file) => file.path.startsWith('images/')).length,
      htmlBytes: Buffer.byteLength(html),
      printed: written ? undefined : { html, text },
    },
  };
}
