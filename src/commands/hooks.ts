import { realpathSync } from 'node:fs';
import { installPreCommitHook } from '../hooks/install.js';
import { t } from '../i18n/lang.js';
import { shownPath } from '../io/paths.js';
import { findProject } from '../project.js';

interface HooksCommandOptions {
  force?: boolean;
}

export async function run(options: HooksCommandOptions): Promise<number> {
  const project = findProject();
  // The hook runs this very pvd, by absolute path: the launcher this process was started with.
  const pvd = realpathSync(process.argv[1] ?? '');
  const { path, previous } = installPreCommitHook({ projectRoot: project.root, pvd, node: process.execPath, force: options.force === true });
  const shown = shownPath(path, { outside: 'relative' });
  const lines = [
    previous === 'pvd'
      ? { fr: `Hook pre-commit mis à jour : ${shown}.`, en: `Pre-commit hook updated: ${shown}.` }
      : { fr: `Hook pre-commit installé : ${shown}.`, en: `Pre-commit hook installed: ${shown}.` },
    ...(typeof previous === 'object'
      ? [{ fr: `L'ancien hook est gardé dans ${shownPath(previous.backup, { outside: 'relative' })}.`, en: `The previous hook is kept in ${shownPath(previous.backup, { outside: 'relative' })}.` }]
      : []),
    { fr: 'À chaque commit, les numéros modifiés sont vérifiés ; le commit est refusé tant que l’un a des erreurs.', en: 'On each commit, the staged issues are checked; the commit is refused while one has errors.' },
  ];
  process.stdout.write(`${lines.map(t).join('\n')}\n`);
  return 0;
}
