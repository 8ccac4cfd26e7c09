import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { hasErrors, sortDiagnostics } from '../diagnostics/index.js';
import { checkInbox, issueInboxSettings } from '../inbox/index.js';
import { loadIssue } from '../issue/load.js';
import type { LoadedIssue } from '../issue/parse.js';
import type { FrontMatter, Issue } from '../issue/model.js';
import { imageProblems } from '../issue/publishable.js';
import { interpolate } from '../i18n/lang.js';
import { disabledRules } from '../lint/directives.js';
import { lintIssue } from '../lint/index.js';
import imageFormat from '../lint/rules/image-format.js';
import imageName from '../lint/rules/image-name.js';
import imageOutside from '../lint/rules/image-outside.js';
import { shownPath } from '../io/paths.js';
import { folderNameOf, type IssueFile } from '../project.js';
import { renderIssue, type CompiledTemplate, type RenderedIssue } from '../render/index.js';
import type { TargetName, Template } from '../template/model.js';
import type { Session } from './session.js';

export interface ProcessOptions {
  session: Session;
  compiled: CompiledTemplate;
  target: TargetName;
  /** Where the build writes: inbox diagnostics name out/NNN/index.html. */
  outDir: string;
}

export interface ProcessedIssue {
  loaded: LoadedIssue;
  /** Lint's diagnostics, then the inbox checks' on the outputs. */
  diagnostics: Diagnostic[];
  /** Present when the issue rendered: an issue with lint errors is not rendered. */
  rendered?: RenderedIssue & { frontMatter: FrontMatter };
}

/**
 * The one pipeline every command runs for an issue: read → parse → lint → render → check.
 * `build` writes what it gives, `preview` serves it, `check` opens it in a browser, `publish`
 * uploads it; none of them has a copy of its own.
 */
export function processIssue(target: IssueFile, options: ProcessOptions): ProcessedIssue {
  const { session } = options;
  const loaded = loadIssue(target, session.template);
  const diagnostics = lintIssue(loaded, session);
  const frontMatter = loaded.issue?.frontMatter;
  if (!loaded.issue || !frontMatter || hasErrors(diagnostics)) return { loaded, diagnostics };
  // Pictures that may not be published stop every command, whatever lint's settings say.
  const unpublishable = imageRefusals(loaded.issue, session.template, diagnostics);
  if (unpublishable.length > 0) return { loaded, diagnostics: sortDiagnostics([...diagnostics, ...unpublishable]) };

  const rendered = renderIssue(loaded.issue, frontMatter, session.template, options.target, options.compiled);
  const folder = join(options.outDir, folderNameOf(frontMatter.number));
  const inbox = checkInbox({
    html: rendered.html,
    text: rendered.text,
    htmlFile: shownPath(join(folder, 'index.html'), { outside: 'relative' }),
    textFile: shownPath(join(folder, 'index.txt'), { outside: 'relative' }),
    mergeTags: rendered.mergeTags,
    config: session.template.config,
  }, issueInboxSettings(session.inbox, disabledRules(loaded.issue).file));
  return { loaded, diagnostics: [...diagnostics, ...inbox], rendered: { ...rendered, frontMatter } };
}

/**
 * The same issue rendered again with its pictures addressed from elsewhere (the preview shows
 * them from its own server): read, linted and checked once, by processIssue; only rendered twice.
 */
export function renderAgain(processed: ProcessedIssue, options: ProcessOptions, imageBase: string): RenderedIssue | undefined {
  const { issue } = processed.loaded;
  if (!processed.rendered || !issue) return undefined;
  return renderIssue(issue, processed.rendered.frontMatter, withImageBase(options.session.template, imageBase), options.target, options.compiled);
}

function withImageBase(template: Template, imageBase: string): Template {
  return { ...template, config: { ...template.config, publicBaseUrl: imageBase } };
}

/** The rules that say the image problems, in their own messages: off in template.yaml, they still give their words. */
const SAYS = { 'image-format': imageFormat, 'image-name': imageName, 'image-outside': imageOutside };

/** The image problems lint would report (image-format, image-name, image-outside), as errors even where those rules are off or lowered. */
function imageRefusals(issue: Issue, template: Template, reported: readonly Diagnostic[]): Diagnostic[] {
  return imageProblems(issue, template)
    .map((problem): Diagnostic => ({ file: issue.file, ...problem.image.position, severity: 'error', rule: problem.rule, messageId: problem.kind, message: interpolate(SAYS[problem.rule].messages[problem.kind]!, problem.data) }))
    .filter((refusal) => !reported.some((diagnostic) => diagnostic.severity === 'error' && diagnostic.rule === refusal.rule && diagnostic.line === refusal.line && diagnostic.column === refusal.column));
}
