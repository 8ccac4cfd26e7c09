import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/lang.js';
import { MAX_ISSUE_BYTES } from '../issue/read.js';
import { lintFile } from '../lint/lint-file.js';
import { displayPath, type IssueRef, type Project } from '../project.js';
import { renderIssue } from '../render/index.js';
import { loadTemplate, TemplateError } from '../template/load.js';
import type { Template } from '../template/model.js';

/** Where the preview serves images: the rendered HTML points here instead of the public base URL. */
export const ASSETS_PREFIX = '/assets/';

/** A diagnostic as the page shows it: the message already in the reader's language. */
export interface PreviewDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: Diagnostic['severity'];
  rule: string;
  message: string;
  /** The source line the diagnostic points at, when it is in issue.md. */
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
export function buildPreview(project: Project, ref: IssueRef): BuiltPreview {
  try {
    return assemble(project, ref);
  } catch (error) {
    // A bug in pvd must not stop the server the author is looking at: the next save tries again.
    const detail = error instanceof Error ? error.message : String(error);
    const file = displayPath(ref.path);
    return {
      snapshot: { number: ref.folderName, file, diagnostics: present([problem(file, 'internal', {
        fr: `Erreur inattendue de pvd (${detail}) : enregistrez à nouveau ; si elle revient, signalez-la à l'équipe avec le contenu du numéro.`,
        en: `Unexpected pvd error (${detail}): save again; if it comes back, report it to the team with the issue's content.`,
      })]) },
      assets: new Map(),
    };
  }
}

function assemble(project: Project, ref: IssueRef): BuiltPreview {
  const file = displayPath(ref.path);
  const snapshot: PreviewSnapshot = { number: ref.folderName, file, diagnostics: [] };
  const assets = new Map<string, string>();
  const fail = (diagnostics: Diagnostic[]): BuiltPreview => {
    snapshot.diagnostics = present(diagnostics);
    return { snapshot, assets };
  };

  let template: Template;
  try {
    template = loadTemplate(project.root);
  } catch (error) {
    if (error instanceof TemplateError) return fail([error.diagnostic]);
    if (error instanceof UsageError) return fail([problem(file, 'template', error.text)]);
    throw error;
  }

  let linted;
  try {
    linted = lintFile(ref.path, file, template, project);
  } catch (error) {
    // An editor saving by rename can leave the file missing for an instant; the next change event rebuilds.
    if (error instanceof UsageError) return fail([problem(file, 'read', error.text)]);
    throw error;
  }
  const frontMatter = linted.issue?.frontMatter;
  snapshot.subject = frontMatter?.subject;
  if (!frontMatter || linted.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return fail(linted.diagnostics);

  // Same pipeline as `pvd build`, with images pointed at this server instead of the public site.
  const previewTemplate: Template = { ...template, config: { ...template.config, publicBaseUrl: ASSETS_PREFIX } };
  try {
    const rendered = renderIssue(linted.issue!, frontMatter, previewTemplate, template.config.target);
    for (const image of rendered.images) assets.set(image.url, image.source);
    snapshot.html = openLinksOutside(rendered.html);
    snapshot.text = rendered.text;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail([...linted.diagnostics, problem(file, 'render', {
      fr: `Le rendu a échoué (${detail}) : vérifiez les fichiers du gabarit dans templates/ (logo, partiels).`,
      en: `Rendering failed (${detail}): check the template files in templates/ (logo, partials).`,
    })]);
  }
  snapshot.diagnostics = present(linted.diagnostics);
  return { snapshot, assets };
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
    return {
      file: diagnostic.file,
      line: diagnostic.line,
      column: diagnostic.column,
      severity: diagnostic.severity,
      rule: diagnostic.rule,
      message: t(diagnostic.message),
      ...(excerpt?.trim() ? { excerpt } : {}),
    };
  });
}
