import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/lang.js';
import { formatStylish } from '../lint/formatters/stylish.js';
import { buildMany } from '../pipeline/build-many.js';
import type { BuildReport } from '../pipeline/report.js';
import { displayPath, findProject, listIssues, parseIssueNumber, issueRef } from '../project.js';
import { loadTemplate } from '../template/load.js';
import type { TargetName } from '../template/model.js';

interface BuildCommandOptions {
  all?: boolean;
  outDir: string;
  target?: TargetName;
  stdout?: 'html' | 'text';
  /** Only problems: no line per issue, no next steps. */
  quiet?: boolean;
}

/** `pvd build`: exit 0 when built, 1 when an issue has lint errors (not built) or inbox errors (built, to fix before sending). */
export async function run(options: BuildCommandOptions, numbers: string[] = []): Promise<number> {
  const project = findProject();
  const template = loadTemplate(project.root);
  const refs = options.all ? listIssues(project) : numbers.map((number) => issueRef(project, parseIssueNumber(number)));
  if (refs.length === 0) {
    throw new UsageError(options.all
      ? { fr: 'Aucun numéro dans issues/ : créez-en un avec « pvd new ».', en: 'No issue in issues/: create one with "pvd new".' }
      : { fr: 'Quel numéro produire ? Par exemple « pvd build 42 », ou « pvd build --all ».', en: 'Which issue? For instance "pvd build 42", or "pvd build --all".' });
  }
  if (options.stdout && refs.length !== 1) {
    throw new UsageError({ fr: '--stdout ne produit qu’un seul numéro à la fois.', en: '--stdout builds a single issue at a time.' });
  }
  const outDir = resolve(project.root, options.outDir);
  const buildOptions = { template, project, target: options.target ?? template.config.target, outDir, write: !options.stdout };
  const showProgress = refs.length > 1 && process.stderr.isTTY && !options.stdout && !options.quiet;
  let failed = 0;
  let withInboxErrors = 0;
  const problems: Diagnostic[] = [];
  const built: NonNullable<BuildReport['output']>[] = [];
  const jobs = refs.map((ref) => ({ path: ref.path, file: displayPath(ref.path) }));
  const reports = await buildMany(jobs, buildOptions, (done) => {
    if (showProgress) process.stderr.write(`\r${done}/${refs.length}`);
  });
  for (const result of reports) {
    // --stdout is for piping: only errors go to stderr, next to the one output.
    problems.push(...result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' || !options.stdout));
    if (!result.output) {
      failed++;
      continue;
    }
    built.push(result.output);
    const inboxErrors = result.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
    if (inboxErrors) withInboxErrors++;
    if (options.stdout) {
      process.stdout.write(options.stdout === 'html' ? result.output.html : result.output.text);
    } else if (!showProgress && !options.quiet) {
      process.stdout.write(t(builtLine(result.output, inboxErrors)));
    }
  }
  if (showProgress) process.stderr.write('\r\x1b[K');
  // Rewritten only when every issue built, so it never loses an issue that failed this time.
  // Drafts are not sent yet: the public archive leaves them out.
  const listed = built.filter((issue) => issue.status === 'ready');
  let archive: string | undefined;
  if (options.all && !options.stdout && failed === 0) {
    const { writeArchive } = await import('../archive/index.js');
    archive = writeArchive(outDir, listed, template.config);
  }
  if (problems.length > 0) process.stderr.write(`${formatStylish(problems)}\n`);
  if (failed > 0) {
    process.stderr.write(t({
      fr: `${failed} numéro(s) non produit(s) : corrigez les erreurs ci-dessus (« pvd lint » les liste aussi).\n`,
      en: `${failed} issue(s) not built: fix the errors above ("pvd lint" lists them too).\n`,
    }));
  }
  if (withInboxErrors > 0) {
    process.stderr.write(t({
      fr: `${withInboxErrors} numéro(s) produit(s) avec des erreurs pour les messageries (règles inbox-*) : les fichiers sont écrits pour que vous les examiniez, corrigez avant l'envoi.\n`,
      en: `${withInboxErrors} issue(s) built with errors for inboxes (inbox-* rules): the files are written for you to inspect; fix them before sending.\n`,
    }));
  }
  if (archive && !options.stdout && !options.quiet) {
    process.stdout.write(t({ fr: `✔ ${displayPath(archive)} : archive web de ${listed.length} numéro(s)\n`, en: `✔ ${displayPath(archive)}: web archive of ${listed.length} issue(s)\n` }));
  }
  if (failed === 0 && showProgress) {
    process.stdout.write(t({ fr: `✔ ${refs.length} numéros produits dans ${displayPath(outDir)}/\n`, en: `✔ ${refs.length} issues built in ${displayPath(outDir)}/\n` }));
  }
  if (built.length === 1 && refs.length === 1 && !options.stdout && !options.quiet) {
    const { nextSteps } = await import('../handover/next-steps.js');
    const issue = built[0]!;
    const facts = { ...issue, target: buildOptions.target, targetFromOption: options.target !== undefined, templateTarget: template.config.target, templateFile: displayPath(join(template.folder, 'template.yaml')), publicBaseUrl: template.config.publicBaseUrl, htmlFile: displayPath(join(issue.folder, 'index.html')), textFile: displayPath(join(issue.folder, 'index.txt')) };
    process.stdout.write(`${nextSteps(facts).map(t).join('\n')}\n`);
  }
  return failed > 0 || withInboxErrors > 0 ? 1 : 0;
}

function builtLine(output: NonNullable<BuildReport['output']>, inboxErrors: boolean) {
  const size = (Buffer.byteLength(output.html) / 1024).toFixed(1);
  const images = output.imageCount;
  const where = displayPath(output.folder);
  const mark = inboxErrors ? '⚠' : '✔';
  return {
    fr: `${mark} ${where}/ : index.html (${size.replace('.', ',')} Ko), index.txt, issue.eml, ${images} image(s)${output.changed ? '' : ' — inchangé'}\n`,
    en: `${mark} ${where}/: index.html (${size} KB), index.txt, issue.eml, ${images} image(s)${output.changed ? '' : ' — unchanged'}\n`,
  };
}
