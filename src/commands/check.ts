import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { countBySeverity } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/lang.js';
import { checkIssue, RENDER_COUNT } from '../inbox/simulate/index.js';
import { formatStylish } from '../lint/formatters/stylish.js';
import { displayPath, findProject, issueRef, parseIssueNumber } from '../project.js';
import { loadTemplate } from '../template/load.js';
import type { TargetName } from '../template/model.js';

interface CheckCommandOptions {
  outDir: string;
  target?: TargetName;
}

/** `pvd check N`: exit 0 when every simulated inbox shows the email whole, 1 on problems, 2 without a browser. */
export async function run(options: CheckCommandOptions, number: string): Promise<number> {
  const project = findProject();
  const template = loadTemplate(project.root);
  const ref = issueRef(project, parseIssueNumber(number));
  if (!existsSync(ref.path)) {
    throw new UsageError({
      fr: `${displayPath(ref.path)} n'existe pas : créez le numéro avec « npx pvd new », ou vérifiez son numéro.`,
      en: `${displayPath(ref.path)} does not exist: create the issue with "npx pvd new", or check its number.`,
    });
  }
  const showProgress = process.stderr.isTTY;
  const result = await checkIssue(ref.path, displayPath(ref.path), {
    template,
    project,
    target: options.target ?? template.config.target,
    outDir: resolve(project.root, options.outDir),
  }, (done) => {
    if (showProgress) process.stderr.write(`\r${done}/${RENDER_COUNT}`);
  });
  if (showProgress) process.stderr.write('\r\x1b[K');
  if (result.diagnostics.length > 0) process.stderr.write(`${formatStylish(result.diagnostics)}\n`);
  const { errors } = countBySeverity(result.diagnostics);
  if (!result.sheet) {
    process.stderr.write(t({
      fr: 'Numéro non produit : corrigez les erreurs ci-dessus (« npx pvd lint » les liste aussi).\n',
      en: 'Issue not built: fix the errors above ("npx pvd lint" lists them too).\n',
    }));
    return 1;
  }
  const sheet = displayPath(result.sheet);
  process.stdout.write(t(errors === 0
    ? { fr: `✔ ${sheet} : ${result.renders} rendus, aucune erreur\n`, en: `✔ ${sheet}: ${result.renders} renders, no errors\n` }
    : { fr: `✖ ${sheet} : ${result.renders} rendus, ${errors} erreur(s) à corriger avant l'envoi\n`, en: `✖ ${sheet}: ${result.renders} renders, ${errors} error(s) to fix before sending\n` }));
  return errors > 0 ? 1 : 0;
}
