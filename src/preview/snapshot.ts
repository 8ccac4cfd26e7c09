import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diagnosticToJson, type Diagnostic, type DiagnosticJson } from '../diagnostics/index.js';
import { TemplateError, UsageError } from '../errors.js';
import { t, type Message } from '../i18n/lang.js';
import { publishCommandLine } from '../handover/next-steps.js';
import type { IssueStatus } from '../issue/front-matter-schema.js';
import { logoOutputPath } from '../issue/publishable.js';
import { MAX_ISSUE_BYTES } from '../issue/read.js';
import { processIssue, renderAgain } from '../pipeline/process.js';
import type { Session } from '../pipeline/session.js';
import { folderDigitsOf, type IssueFile, type Project } from '../project.js';
import { issueUrls } from '../publish/layout.js';
import type { CompiledTemplate } from '../render/index.js';
import type { TargetName } from '../template/model.js';
import type { AssetFile } from './assets.js';
import type { InboxSheetState } from './inbox-sheet.js';

/** Where the preview serves images: the HTML it shows points here instead of the public base URL. */
export const ASSETS_PREFIX = '/assets/';

/** A diagnostic as the page shows it: the message already in the reader's language, and the line it points at. */
export interface PreviewDiagnostic extends DiagnosticJson {
  excerpt?: string;
}

/** What the page receives for one mailing tool on every change: sent as JSON, so it holds only data. */
export interface PreviewSnapshot {
  number: string;
  file: string;
  target: TargetName;
  /** `target:` of template.yaml: what a build without --target gives. */
  defaultTarget: TargetName;
  /** From the front matter, exactly as written, whenever it could be read. */
  subject?: string;
  preheader?: string;
  status?: IssueStatus;
  diagnostics: PreviewDiagnostic[];
  /** The email shown: the render of now, or the last one without errors (then `copy` is absent). */
  email?: ShownEmail;
  /** Exactly what `npx pvd build N --target T --stdout html|text` prints; only when the issue renders now. */
  copy?: { html: string; text: string };
  /** Where the images must be online before sending: publicBaseUrl + NNN/images/. */
  imagesUrl?: string;
  /** The command that puts them there, as build's next steps write it (with --to while template.yaml has no publish.to). */
  publishCommand?: string;
  /** The contact sheet `pvd check` wrote in out/NNN/inbox/, served under /inbox/. */
  inboxSheet?: InboxSheetState;
}

export interface ShownEmail {
  /** Images from this server, links opening outside the frame. */
  html: string;
  text: string;
  /** When this version was first rendered (ms since 1970): « Dernière version sans erreur, de 14:32 ». */
  at: number;
}

/** The images of a render: what the server hands out and what the online check asks for. */
export interface RenderImages {
  /** URL path (as written in the shown HTML) → the picture: the only files the server hands out. */
  assets: Map<string, AssetFile>;
  /** Every address of the issue at publicBaseUrl, its images then its page: what `pvd publish` checks. */
  onlineUrls: string[];
}

/** One target rendered now: the snapshot without its email, and the email when it rendered. */
export interface FreshRender {
  snapshot: PreviewSnapshot;
  shown?: Omit<ShownEmail, 'at'> & RenderImages;
}

export interface RenderRequest {
  project: Project;
  ref: IssueFile;
  target: TargetName;
  defaultTarget: TargetName;
}

/** The template as this change left it: opened once per change for every target shown. */
export type OpenedTemplate = { ok: true; session: Session; compiled: CompiledTemplate } | { ok: false; error: unknown };

/**
 * The build pipeline for one issue and one target, twice: as `pvd build` makes it (the copy,
 * the diagnostics, the addresses to check) and with images pointed at this server (what is
 * shown). Never throws: every failure becomes a diagnostic.
 */
export function renderTarget(request: RenderRequest, opened: OpenedTemplate): FreshRender {
  const { ref, target, defaultTarget } = request;
  const snapshot: PreviewSnapshot = { number: folderDigitsOf(ref), file: ref.file, target, defaultTarget, diagnostics: [] };
  try {
    if (!opened.ok) throw opened.error;
    const { session, compiled } = opened;
    const options = { session, compiled, target, outDir: join(request.project.root, 'out') };
    const built = processIssue(ref, options);
    const frontMatter = built.loaded.issue?.frontMatter;
    if (frontMatter) Object.assign(snapshot, { subject: frontMatter.subject, preheader: frontMatter.preheader, status: frontMatter.status });
    snapshot.diagnostics = present(built.diagnostics);
    if (!built.rendered) return { snapshot };
    // Rendered again, images from this server: the public site may not have them yet.
    const shown = renderAgain(built, options, ASSETS_PREFIX);
    if (!shown) return { snapshot };
    const { template } = session;
    const { folderName, images } = built.rendered;
    snapshot.copy = { html: built.rendered.html, text: built.rendered.text };
    snapshot.imagesUrl = `${template.config.publicBaseUrl}${folderName}/images/`;
    snapshot.publishCommand = t(publishCommandLine(Number(folderName), template.config.publish?.to));
    // No issue image is published under the logo's name (image-name refuses it): the logo is the template's.
    const logo = logoOutputPath(template);
    const assets = new Map(shown.images.map((image) => [image.url, { path: image.source, root: image.outputPath === logo ? template.folder : ref.folder }]));
    return {
      snapshot,
      shown: {
        html: openLinksOutside(shown.html),
        text: built.rendered.text,
        assets,
        onlineUrls: issueUrls(template.config.publicBaseUrl, folderName, images.map((image) => image.outputPath)),
      },
    };
  } catch (error) {
    snapshot.diagnostics = present([failure(ref.file, error)]);
    return { snapshot };
  }
}

function failure(file: string, error: unknown): Diagnostic {
  if (error instanceof TemplateError) return error.diagnostic;
  // An editor saving by rename can leave the file missing for an instant; the next change event renders again.
  if (error instanceof UsageError) return problem(file, 'read', error.text);
  // A bug in pvd must not stop the server the author is looking at: the next save tries again.
  const detail = error instanceof Error ? error.message : String(error);
  return problem(file, 'internal', {
    fr: `Erreur inattendue de pvd (${detail}) : enregistrez à nouveau ; si elle revient, signalez-la à l'équipe avec le contenu du numéro.`,
    en: `Unexpected pvd error (${detail}): save again; if it comes back, report it to the team with the issue's content.`,
  });
}

function problem(file: string, rule: string, message: Message): Diagnostic {
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
