import { join, resolve } from 'node:path';
import { formatStylish } from '../diagnostics/formatters/stylish.js';
import { hasErrors } from '../diagnostics/index.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/lang.js';
import { runBuild, type BuiltReport } from '../pipeline/build-run.js';
import { openSession } from '../pipeline/session.js';
import { shownPath } from '../io/paths.js';
import { resolveIssues } from '../project.js';
import { fileSize } from '../text/format.js';
import type { TargetName } from '../template/model.js';

interface BuildCommandOptions {
  all?: boolean;
  outDir: string;
  target?: TargetName;
  stdout?: 'html' | 'text';
  /** Only problems: no line per issue, no next steps. */
  quiet?: boolean;
}

const WHICH_ISSUE = new UsageError({ fr: 'Quel numéro produire ? Par exemple « npx pvd build 42 », ou « npx pvd build --all ».', en: 'Which issue? For instance "npx pvd build 42", or "npx pvd build --all".' });

/** `pvd build`: exit 0 when built, 1 when an issue has lint errors (not built) or inbox errors (built, to fix before sending). */
export async function run(options: BuildCommandOptions, issues: string[] = []): Promise<number> {
  if (options.stdout && (options.all || issues.length > 1)) throw new UsageError({ fr: '--stdout ne produit qu’un seul numéro à la fois.', en: '--stdout builds a single issue at a time.' });
  const session = openSession();
  if (options.all && issues.length > 0) throw new UsageError({ fr: '--all produit tous les numéros : ne donnez pas de numéro en plus.', en: '--all builds every issue: give no issue number with it.' });
  const targets = resolveIssues(session.project, issues, options.all ? 'all' : WHICH_ISSUE);
  if (targets.length === 0) throw new UsageError({ fr: 'Aucun numéro dans issues/ : créez-en un avec « npx pvd new ».', en: 'No issue in issues/: create one with "npx pvd new".' });

  const outDir = resolve(session.project.root, options.outDir);
  const target = options.target ?? session.template.config.target;
  const talk = !options.stdout && !options.quiet;
  const showProgress = targets.length > 1 && process.stderr.isTTY && talk;
  const build = await runBuild(targets, { session, target, outDir, stdout: options.stdout, all: options.all === true }, (done) => {
    if (showProgress) process.stderr.write(`\r${done}/${targets.length}`);
  });
  if (showProgress) process.stderr.write('\r\x1b[K');

  for (const { output, diagnostics } of build.reports) {
    if (!output) continue;
    if (options.stdout && output.printed) process.stdout.write(output.printed[options.stdout]);
    else if (talk && !showProgress) process.stdout.write(t(builtLine(output, hasErrors(diagnostics))));
  }
  if (build.problems.length > 0) process.stderr.write(`${formatStylish(build.problems)}\n`);
  if (build.failed > 0) {
    process.stderr.write(t({
      fr: `${build.failed} numéro(s) non produit(s) : corrigez les erreurs ci-dessus (« npx pvd lint » les liste aussi).\n`,
      en: `${build.failed} issue(s) not built: fix the errors above ("npx pvd lint" lists them too).\n`,
    }));
  }
  if (build.withInboxErrors > 0) {
    process.stderr.write(t({
      fr: `${build.withInboxErrors} numéro(s) produit(s) avec des erreurs pour les messageries (règles inbox-*) : les fichiers sont écrits pour que vous les examiniez, corrigez avant l'envoi.\n`,
      en: `${build.withInboxErrors} issue(s) built with errors for inboxes (inbox-* rules): the files are written for you to inspect; fix them before sending.\n`,
    }));
  }
  if (build.archive && talk) {
    process.stdout.write(t({ fr: `✔ ${shownPath(build.archive.path, { outside: 'relative' })} : archive web de ${build.archive.count} numéro(s)\n`, en: `✔ ${shownPath(build.archive.path, { outside: 'relative' })}: web archive of ${build.archive.count} issue(s)\n` }));
  }
  if (build.failed === 0 && showProgress) {
    process.stdout.write(t({ fr: `✔ ${targets.length} numéros produits dans ${shownPath(outDir, { outside: 'relative' })}/\n`, en: `✔ ${targets.length} issues built in ${shownPath(outDir, { outside: 'relative' })}/\n` }));
  }
  const [issue] = build.built;
  if (issue && build.built.length === 1 && targets.length === 1 && talk) {
    const { nextSteps } = await import('../handover/next-steps.js');
    const { template } = session;
    process.stdout.write(`${nextSteps({
      ...issue, target, targetFromOption: options.target !== undefined, templateTarget: template.config.target, templateFile: template.file,
      publicBaseUrl: template.config.publicBaseUrl, publishTo: template.config.publish?.to, htmlFile: shownPath(join(issue.folder, 'index.html'), { outside: 'relative' }), textFile: shownPath(join(issue.folder, 'index.txt'), { outside: 'relative' }),
    }).map(t).join('\n')}\n`);
  }
  return build.exitCode;
}

function builtLine(issue: BuiltReport, inboxErrors: boolean) {
  const size = fileSize(issue.htmlBytes);
  const where = shownPath(issue.folder, { outside: 'relative' });
  const mark = inboxErrors ? '⚠' : '✔';
  return {
    fr: `${mark} ${where}/ : index.html (${size.fr}), index.txt, issue.eml, ${issue.imageCount} image(s)${issue.changed ? '' : ' — inchangé'}\n`,
    en: `${mark} ${where}/: index.html (${size.en}), index.txt, issue.eml, ${issue.imageCount} image(s)${issue.changed ? '' : ' — unchanged'}\n`,
  };
}
