import { UsageError } from '../errors.js';
import { prefixed, t } from '../i18n/lang.js';
import { shownPath } from '../io/paths.js';
import { AnswerError, type NewOptions } from '../scaffold/answers.js';
import { loadScaffoldContext } from '../scaffold/context.js';
import { IssueExistsError } from '../scaffold/create.js';
import { makeIssue } from '../scaffold/make.js';
import { resolveAnswers } from '../scaffold/resolve.js';
import { summary } from '../scaffold/summary.js';

export async function run(options: NewOptions): Promise<number> {
  const context = loadScaffoldContext();
  try {
    const { answers, defaults, notices } = await resolveAnswers(options, context, process.stdin.isTTY === true);
    for (const notice of notices) process.stderr.write(`${notice}\n`);
    const made = makeIssue(context, answers, defaults);
    process.stdout.write(`${summary(made, answers).map(t).join('\n')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AnswerError && error.exitCode === 2) throw new UsageError(error.text);
    if (error instanceof AnswerError) {
      process.stderr.write(`${prefixed(error.text)}\n`);
      return 1;
    }
    if (error instanceof IssueExistsError) {
      const folder = shownPath(error.folder, { outside: 'relative' });
      process.stderr.write(`${prefixed({
        fr: `${folder} existe déjà : rien n'a été modifié. Choisissez un autre numéro avec --number.`,
        en: `${folder} already exists: nothing was changed. Pick another number with --number.`,
      })}\n`);
      return 1;
    }
    // Ctrl-C during a question: inquirer rejects, and nothing has been written yet.
    if (error instanceof Error && error.name === 'ExitPromptError') {
      process.stderr.write(t({ fr: '\nInterrompu : aucun numéro n’a été créé.\n', en: '\nInterrupted: no issue was created.\n' }));
      return 130;
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === 'string') {
      throw new UsageError({
        fr: `impossible d'écrire dans ${shownPath(context.project.issuesDir, { outside: 'relative' })} (${code}) : vérifiez les droits du dossier. Rien n'a été créé.`,
        en: `cannot write into ${shownPath(context.project.issuesDir, { outside: 'relative' })} (${code}): check the folder's permissions. Nothing was created.`,
      });
    }
    throw error;
  }
}
