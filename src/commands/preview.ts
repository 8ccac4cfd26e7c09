import { UsageError } from '../errors.js';
import { t } from '../i18n/lang.js';
import { isLoopback, openBrowser, parsePort, startPreview } from '../preview/index.js';
import { findProject, resolveIssues } from '../project.js';

interface PreviewCommandOptions {
  port: string;
  host: string;
  open?: boolean;
}

export async function run(options: PreviewCommandOptions, issue: string): Promise<number> {
  const project = findProject();
  const [ref, ...others] = resolveIssues(project, [issue]);
  if (!ref || others.length > 0) {
    throw new UsageError({ fr: `L'aperçu montre un seul numéro : donnez son numéro (par exemple « npx pvd preview 42 ») ou son dossier.`, en: 'The preview shows one issue: give its number (for instance "npx pvd preview 42") or its folder.' });
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
    fr: `Aperçu de ${ref.file} : ${preview.url}\nLa page se met à jour à chaque enregistrement. Ctrl-C pour arrêter.\n`,
    en: `Preview of ${ref.file}: ${preview.url}\nThe page updates on every save. Ctrl-C to stop.\n`,
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
