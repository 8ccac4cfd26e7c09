import { existsSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { t } from '../i18n/lang.js';
import { isLoopback, openBrowser, parsePort, startPreview } from '../preview/index.js';
import { displayPath, findProject, issueRef, parseIssueNumber } from '../project.js';

interface PreviewCommandOptions {
  port: string;
  host: string;
  open?: boolean;
}

export async function run(options: PreviewCommandOptions, number: string): Promise<number> {
  const project = findProject();
  const ref = issueRef(project, parseIssueNumber(number));
  if (!existsSync(ref.path)) {
    throw new UsageError({
      fr: `${displayPath(ref.path)} n'existe pas : créez le numéro avec « pvd new », ou vérifiez son numéro.`,
      en: `${displayPath(ref.path)} does not exist: create the issue with "pvd new", or check its number.`,
    });
  }
  const port = parsePort(options.port);
  if (!isLoopback(options.host)) {
    process.stderr.write(t({
      fr: `⚠ --host ${options.host} : l’aperçu est visible par les autres machines du réseau, sans mot de passe. N’utilisez cette option que sur un réseau de confiance.\n`,
      en: `⚠ --host ${options.host}: the preview can be reached by other machines on the network, with no password. Use this only on a trusted network.\n`,
    }));
  }

  // Listening for Ctrl-C before the URL is printed: whoever reads it may stop the preview at once.
  const stopped = stopSignal();
  const preview = await startPreview(project, ref, { host: options.host, port });
  if (port !== 0 && preview.port !== port) {
    process.stdout.write(t({ fr: `Le port ${port} est occupé : l’aperçu utilise le port ${preview.port}.\n`, en: `Port ${port} is busy: the preview uses port ${preview.port}.\n` }));
  }
  process.stdout.write(t({
    fr: `Aperçu de ${displayPath(ref.path)} : ${preview.url}\nLa page se met à jour à chaque enregistrement. Ctrl-C pour arrêter.\n`,
    en: `Preview of ${displayPath(ref.path)}: ${preview.url}\nThe page updates on every save. Ctrl-C to stop.\n`,
  }));
  if (options.open) openBrowser(preview.url);

  await stopped;
  await preview.close();
  // After the terminal's echoed ^C, on a line of its own.
  process.stdout.write((process.stdout.isTTY ? '\n' : '') + t({ fr: 'Aperçu arrêté.\n', en: 'Preview stopped.\n' }));
  return 0;
}

/** Resolves on Ctrl-C (SIGINT) or SIGTERM: stopping the preview is its normal end, exit code 0. */
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
