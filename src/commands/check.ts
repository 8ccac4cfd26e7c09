import { resolve } from 'node:path';
import { checkIssue, RENDER_COUNT } from '../check/index.js';
import { formatStylish } from '../diagnostics/formatters/stylish.js';
import { countBySeverity } from '../diagnostics/index.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/lang.js';
import { openSession } from '../pipeline/session.js';
import { shownPath } from '../io/paths.js';
import { resolveIssues } from '../project.js';
import type { TargetName } from '../template/model.js';

interface CheckCommandOptions {
  outDir: string;
  target?: TargetName;
}

/** `pvd check N`: exit 0 when every simulated inbox shows the email whole, 1 on problems, 2 without a browser. */
export async function run(options: CheckCommandOptions, issue: string): Promise<number> {
  const session = openSession();
  const [target, ...others] = resolveIssues(session.project, [issue]);
  if (!target || others.length > 0) {
    throw new UsageError({ fr: 'La vérification porte sur un seul numéro : donnez son numéro (par exemple « npx pvd check 42 ») ou son dossier.', en: 'The check covers one issue: give its number (for instance "npx pvd check 42") or its folder.' });
  }
  const showProgress = process.stderr.isTTY;
  const result = await checkIssue(target, {
    session,
    target: options.target ?? session.template.config.target,
    outDir: resolve(session.project.root, options.outDir),
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
  const sheet = shownPath(result.sheet, { outside: 'relative' });
  process.stdout.write(t(errors === 0
    ? { fr: `✔ ${sheet} : ${result.renders} rendus, aucune erreur\n`, en: `✔ ${sheet}: ${result.renders} renders, no errors\n` }
    : { fr: `✖ ${sheet} : ${result.renders} rendus, ${errors} erreur(s) à corriger avant l'envoi\n`, en: `✖ ${sheet}: ${result.renders} renders, ${errors} error(s) to fix before sending\n` }));
  return errors > 0 ? 1 : 0;
}
