import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diagnosticToJson, type Diagnostic, type DiagnosticJson } from '../diagnostics/index.js';
import { TemplateError, UsageError } from '../errors.js';
import { MAX_ISSUE_BYTES } from '../issue/read.js';
import { processIssue } from '../pipeline/process.js';
import { openSession } from '../pipeline/session.js';
import type { IssueFile, Project } from '../project.js';
import { compileTemplate } from '../render/index.js';

/** Where the preview serves images: the rendered HTML points here instead of the public base URL. */
export const ASSETS_PREFIX = '/assets/';

/** A diagnostic as the page shows it: the message already in the reader's language, and the line it points at. */
export interface PreviewDiagnostic extends DiagnosticJson {
  excerpt?: string;
}

/** What the page receives on every change: sent as JSON, so it holds only data. */
export interface PreviewSnapshot {
  number: string;
  file: string;
  subject?: string;
  /** Present only when the issue rendered: an issue with lint errors is not shown. */
  html?: string;
  text?: string;
  diagnostics: PreviewDiagnostic[];
}

export interface BuiltPreview {
  snapshot: PreviewSnapshot;
  /** URL path (as written in the HTML) → local file: the only images the server hands out. */
  assets: Map<string, string>;
}

/** The build pipeline (template → lint → render) for one issue, never throwing: every failure becomes a diagnostic. */
export function buildPreview(project: Project, ref: IssueFile): BuiltPreview {
  try {
    return assemble(project, ref);
  } catch (error) {
    // A bug in pvd must not stop the server the author is looking at: the next save tries again.
    const detail = error instanceof Error ? error.message : String(error);
    const { file } = ref;
    return {
      snapshot: { number: numberOf(ref), file, diagnostics: present([problem(file, 'internal', {
        fr: `Erreur inattendue de pvd (${detail}) : enregistrez à nouveau ; si elle revient, signalez-la à l'équipe avec le contenu du numéro.`,
        en: `Unexpected pvd error (${detail}): save again; if it comes back, report it to the team with the issue's content.`,
      })]) },
      assets: new Map(),
    };
  }
}

function assemble(project: Project, ref: IssueFile): BuiltPreview {
  const { file } = ref;
  const snapshot: PreviewSnapshot = { number: numberOf(ref), file, diagnostics: [] };
  const assets = new Map<string, string>();
  try {
    // The same session and pipeline as `pvd build`, with images pointed at this server instead of the public site.
    const session = openSession(project);
    const processed = processIssue(ref, { session, compiled: compileTemplate(session.template), target: session.template.config.target, outDir: join(project.root, 'out'), imageBase: ASSETS_PREFIX });
    snapshot.subject = processed.loaded.issue?.frontMatter?.subject;
    snapshot.diagnostics = present(processed.diagnostics);
    if (processed.rendered) {
      for (const image of processed.rendered.images) assets.set(image.url, image.source);
      snapshot.html = openLinksOutside(processed.rendered.html);
      snapshot.text = processed.rendered.text;
    }
  } catch (error) {
    if (error instanceof TemplateError) snapshot.diagnostics = present([error.diagnostic]);
    // An editor saving by rename can leave the file missing for an instant; the next change event rebuilds.
    else if (error instanceof UsageError) snapshot.diagnostics = present([problem(file, 'read', error.text)]);
    else throw error;
  }
  return { snapshot, assets };
}

/** The issue's three digits, from its folder (issues/042 → 042). */
function numberOf(ref: IssueFile): string {
  return /(\d{3})$/.exec(ref.folder)?.[1] ?? '';
}

function problem(file: string, rule: string, message: Diagnostic['message']): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', rule, message };
}

/** Links clicked in the preview open a new tab rather than replacing the email inside its frame. */
function openLinksOutside(html: string): string {
  return html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}<base target="_blank">`);
}

function present(diagnostics: readonly Diagnostic[]): PreviewDiagnostic[] {
  const sources = new Map<string, string[] | undefined>();
  const linesOf = (file: string): string[] | undefined => {
    if (!sources.has(file)) {
      try {
        // Diagnostics name files relative to the working directory, as the terminal shows them.
        const path = resolve(file);
        sources.set(file, statSync(path).size <= MAX_ISSUE_BYTES ? readFileSync(path, 'utf8').split(/\r?\n/) : undefined);
      } catch {
        sources.set(file, undefined);
      }
    }
    return sources.get(file);
  };
  return diagnostics.map((diagnostic) => {
    const excerpt = linesOf(diagnostic.file)?.[diagnostic.line - 1]?.slice(0, 200);
    return { ...diagnosticToJson(diagnostic), ...(excerpt?.trim() ? { excerpt } : {}) };
  });
}
