import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/lang.js';
import { formatStylish } from '../lint/formatters/stylish.js';
import { buildIssue } from '../pipeline/build.js';
import { displayPath, findProject, listIssues, parseIssueNumber, issueRef } from '../project.js';
import { compileTemplate } from '../render/index.js';
import { loadTemplate } from '../template/load.js';
import type { TargetName } from '../template/model.js';

interface BuildCommandOptions {
  all?: boolean;
  outDir: string;
  target?: TargetName;
  stdout?: 'html' | 'text';
}

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
  const compiled = compileTemplate(template);
  const outDir = resolve(project.root, options.outDir);
  const buildOptions = { template, compiled, project, target: options.target ?? template.config.target, outDir, write: !options.stdout };
  const showProgress = refs.length > 1 && process.stderr.isTTY && !options.stdout;
  let failed = 0;
  const problems: Diagnostic[] = [];
  for (const [index, ref] of refs.entries()) {
    if (showProgress) process.stderr.write(`\r${index + 1}/${refs.length} ${ref.folderName}`);
    const result = await buildIssue(ref.path, displayPath(ref.path), buildOptions);
    problems.push(...result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' || !options.stdout));
    if (!result.output) {
      failed++;
      continue;
    }
    if (options.stdout) {
      process.stdout.write(options.stdout === 'html' ? result.output.html : result.output.text);
    } else if (!showProgress) {
      const size = (Buffer.byteLength(result.output.html) / 1024).toFixed(1);
      process.stdout.write(t({
        fr: `✔ ${displayPath(result.output.folder)}/ : index.html (${size.replace('.', ',')} Ko), index.txt, ${result.output.files.length - 2} image(s)${result.output.changed ? '' : ' — inchangé'}\n`,
        en: `✔ ${displayPath(result.output.folder)}/: index.html (${size} KB), index.txt, ${result.output.files.length - 2} image(s)${result.output.changed ? '' : ' — unchanged'}\n`,
      }));
    }
  }
  if (showProgress) process.stderr.write('\r\x1b[K');
  if (problems.length > 0) process.stderr.write(`${formatStylish(problems)}\n`);
  if (failed > 0) {
    process.stderr.write(t({
      fr: `${failed} numéro(s) non produit(s) : corrigez les erreurs ci-dessus (« pvd lint » les liste aussi).\n`,
      en: `${failed} issue(s) not built: fix the errors above ("pvd lint" lists them too).\n`,
    }));
  } else if (showProgress) {
    process.stdout.write(t({ fr: `✔ ${refs.length} numéros produits dans ${displayPath(outDir)}/\n`, en: `✔ ${refs.length} issues built in ${displayPath(outDir)}/\n` }));
  }
  return failed > 0 ? 1 : 0;
}
