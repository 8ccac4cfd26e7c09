import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { publishIssueFolder, type OutputFile } from '../io/output-folder.js';
import type { IssueStatus } from '../issue/front-matter-schema.js';
import { disabledRules } from '../lint/directives.js';
import type { IssueFile } from '../project.js';
import { emlHeaders, renderEml, type EmlHeaders } from '../render/eml.js';
import { processIssue, type ProcessOptions } from './process.js';

export interface BuildOptions extends ProcessOptions {
  /** Write out/NNN/ with the .eml (false for --stdout, which writes nothing). */
  write: boolean;
}

/** What a build needs besides the template compiled: each thread compiles its own. */
export type BuildSettings = Omit<BuildOptions, 'compiled'>;

export interface BuiltIssue {
  number: number;
  date: string;
  subject: string;
  preheader: string;
  status: IssueStatus;
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
  /** The checks the issue switches off for itself (`<!-- pvd-disable id -->`), for the checks that come after the build. */
  silenced?: readonly string[];
}

/** The pipeline, then the write: out/NNN/ with index.html, index.txt, issue.eml and the images. */
export async function buildIssue(target: IssueFile, options: BuildOptions): Promise<BuildResult> {
  const { loaded, diagnostics, rendered } = processIssue(target, options);
  if (!rendered) return { file: target.file, diagnostics };
  const { frontMatter } = rendered;
  const folder = join(options.outDir, rendered.folderName);
  const files: OutputFile[] = [
    { path: 'index.html', content: rendered.html },
    { path: 'index.txt', content: rendered.text },
    ...rendered.images.map((image) => ({ path: image.outputPath, source: image.source })),
  ];
  let changed = false;
  if (options.write) {
    const headers = emlHeaders(frontMatter, options.session.template.config, rendered.html, rendered.text);
    files.push({ path: 'issue.eml', content: publishedEml(folder, headers) ?? (await renderEml(headers, rendered.html, rendered.text)) });
    changed = publishIssueFolder(options.outDir, rendered.folderName, files);
  }
  return {
    file: target.file,
    diagnostics,
    silenced: [...disabledRules(loaded.issue!).file],
    output: {
      number: frontMatter.number, date: frontMatter.date, subject: frontMatter.subject, preheader: frontMatter.preheader, status: frontMatter.status,
      folderName: rendered.folderName, folder, html: rendered.html, text: rendered.text, files, changed,
    },
  };
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
