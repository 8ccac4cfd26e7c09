import { formatStylish } from '../diagnostics/formatters/stylish.js';
import { UsageError } from '../errors.js';
import { prefixed, t, type Message } from '../i18n/lang.js';
import { openSession } from '../pipeline/session.js';
import { resolveIssues } from '../project.js';
import { parseDestination } from '../publish/destination.js';
import { publish, type IssueOutcome } from '../publish/index.js';
import { offlineReason } from '../publish/online.js';

interface PublishCommandOptions {
  to?: string;
  check: boolean;
  timeout?: string;
}

/** `pvd publish`: exit 0 when published and online, 1 when published but not online (or an issue has lint errors), 2 when it cannot publish. */
export async function run(options: PublishCommandOptions, numbers: string[] = []): Promise<number> {
  const session = openSession();
  const { project, template } = session;
  const written = options.to ?? template.config.publish?.to;
  if (written === undefined) {
    throw new UsageError({
      fr: 'Où publier ? Donnez la destination avec --to (par exemple « npx pvd publish --to public », ou --to sftp://utilisateur@serveur/chemin), ou écrivez-la une fois pour toutes sous « publish: » « to: » dans templates/pvd/template.yaml.',
      en: 'Where to publish? Give the destination with --to (for instance "npx pvd publish --to public", or --to sftp://user@server/path), or write it once and for all under "publish:" "to:" in templates/pvd/template.yaml.',
    });
  }
  const issues = numbers.length > 0 ? resolveIssues(project, numbers) : undefined;
  const timeoutMs = parseTimeout(options.timeout);
  const destination = parseDestination(written, project.root);
  process.stdout.write(t({ fr: `Publication vers ${destination.label}\n`, en: `Publishing to ${destination.label}\n` }));

  const report = await publish(
    { session, issues, destination, check: options.check, online: timeoutMs ? { timeoutMs } : {} },
    (outcome) => process.stdout.write(t(issueLine(outcome))),
  );

  if (report.diagnostics.length > 0) process.stderr.write(`${formatStylish(report.diagnostics)}\n`);
  if (report.notBuilt > 0) {
    process.stderr.write(t({
      fr: `${report.notBuilt} numéro(s) non publié(s) : corrigez les erreurs ci-dessus (« npx pvd lint » les liste aussi), puis relancez.\n`,
      en: `${report.notBuilt} issue(s) not published: fix the errors above ("npx pvd lint" lists them too), then run again.\n`,
    }));
  }
  if (report.failure) {
    process.stderr.write(`${prefixed(report.failure)}\n`);
    if (report.published.length > 0) {
      const done = report.published.map((outcome) => outcome.number).join(', ');
      process.stderr.write(t({
        fr: `Publiés en entier avant l'erreur : n° ${done}. Les autres n'ont pas été rendus visibles, l'archive n'a pas été mise à jour ; relancez une fois le problème réglé.\n`,
        en: `Fully published before the error: issue(s) ${done}. The others were not made visible and the archive was not updated; run again once the problem is solved.\n`,
      }));
    }
    return 2;
  }
  if (report.archive) {
    process.stdout.write(t(report.archive.sent
      ? { fr: `✔ archive (index.html) : ${report.archive.issues} numéro(s)\n`, en: `✔ archive (index.html): ${report.archive.issues} issue(s)\n` }
      : { fr: `✔ archive (index.html) : inchangée\n`, en: `✔ archive (index.html): unchanged\n` }));
  }
  const base = template.config.publicBaseUrl;
  if (report.offline.length > 0) {
    for (const status of report.offline) {
      process.stderr.write(t({ fr: `✖ ${status.url} : pas encore en ligne (${offlineReason(status, timeoutMs).fr})\n`, en: `✖ ${status.url}: not online yet (${offlineReason(status, timeoutMs).en})\n` }));
    }
    const again = `npx pvd publish${numbers.length > 0 ? ` ${numbers.join(' ')}` : ''}${options.to === undefined ? '' : ` --to ${options.to}`}`;
    process.stderr.write(t({
      fr: `${report.offline.length} adresse(s) sur ${report.checked} pas encore en ligne. Les fichiers sont bien dans ${destination.label}, mais ${base} ne les sert pas (encore). Vérifiez que publicBaseUrl (templates/pvd/template.yaml) est l'adresse web de cette destination ; si le site est mis en ligne par une forge (GitHub Pages, GitLab Pages) ou derrière un cache, attendez la fin de sa mise en ligne. Puis relancez « ${again} » : rien ne sera renvoyé, seule la vérification sera refaite. D'ici là, n'envoyez pas la lettre : ses images n'apparaîtraient pas.\n`,
      en: `${report.offline.length} of ${report.checked} address(es) not online yet. The files are in ${destination.label}, but ${base} does not serve them (yet). Check that publicBaseUrl (templates/pvd/template.yaml) is the web address of this destination; if a forge (GitHub Pages, GitLab Pages) or a cache puts the site online, wait until it is done. Then run "${again}" again: nothing will be sent again, only the check will be redone. Until then, do not send the newsletter: its images would not show.\n`,
    }));
    return 1;
  }
  if (report.checked > 0) {
    process.stdout.write(t({ fr: `✔ en ligne : les ${report.checked} pages et images répondent sous ${base}\n`, en: `✔ online: all ${report.checked} pages and images answer under ${base}\n` }));
  }
  return report.notBuilt > 0 ? 1 : 0;
}

function issueLine(outcome: IssueOutcome): Message {
  if (outcome.sent === 0) return { fr: `✔ n° ${outcome.number} (${outcome.folderName}/) : déjà publié, inchangé\n`, en: `✔ issue ${outcome.number} (${outcome.folderName}/): already published, unchanged\n` };
  return {
    fr: `✔ n° ${outcome.number} (${outcome.folderName}/) : ${outcome.sent} fichier(s) envoyé(s), ${outcome.unchanged} inchangé(s)\n`,
    en: `✔ issue ${outcome.number} (${outcome.folderName}/): ${outcome.sent} file(s) sent, ${outcome.unchanged} unchanged\n`,
  };
}

function parseTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text.replace(',', '.'));
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new UsageError({
      fr: `--timeout attend un nombre de secondes entre 0 et 600 (par exemple 10), pas « ${text} ».`,
      en: `--timeout expects a number of seconds between 0 and 600 (for instance 10), not "${text}".`,
    });
  }
  return seconds * 1000;
}
