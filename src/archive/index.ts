import { join } from 'node:path';
import { writeOwnedFile } from '../io/owned-file.js';
import { escapeHtml } from '../render/escape.js';
import { frenchDate } from '../text/dates.js';
import type { TemplateConfig } from '../template/model.js';

const ARCHIVE_FILE = 'index.html';

/** One sent issue, as the web archive lists it. */
export interface ArchiveEntry {
  number: number;
  /** YYYY-MM-DD */
  date: string;
  subject: string;
  /** Three digits: out/NNN/ holds its web version. */
  folderName: string;
}

/**
 * out/index.html: every issue, newest first, each linking to NNN/index.html. Links are
 * relative, so out/ can be published as is under the template's publicBaseUrl, where
 * `urls.webVersion` ("view in browser" for the generic target) expects each issue.
 */
export function renderArchive(entries: readonly ArchiveEntry[], config: TemplateConfig): string {
  const rows = [...entries]
    .sort((a, b) => b.number - a.number)
    .map((entry) => {
      const date = frenchDate(entry.date);
      return `<li><a href="${entry.folderName}/index.html"><span class="number">n° ${entry.number}</span> <time datetime="${escapeHtml(entry.date)}">${escapeHtml(date)}</time> <span class="subject">${escapeHtml(entry.subject)}</span></a></li>`;
    });
  const title = escapeHtml(config.name);
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — tous les numéros</title>
<style>
body { margin: 0; padding: 32px 16px; background: ${config.colors.background}; color: ${config.colors.text}; font: 16px/1.5 Arial, Helvetica, sans-serif; }
main { max-width: 600px; margin: 0 auto; background: ${config.colors.surface}; padding: 24px 32px; }
h1 { color: ${config.colors.primary}; font-size: 22px; }
ol { list-style: none; padding: 0; }
li { border-top: 1px solid #dddddd; }
a { display: block; padding: 12px 0; color: ${config.colors.text}; text-decoration: none; }
a:hover .subject, a:focus .subject { text-decoration: underline; }
.number { font-weight: bold; color: ${config.colors.primary}; }
time { color: ${config.colors.muted}; }
.subject { display: block; }
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p>${escapeHtml(config.organisation)} — ${entries.length} numéro${entries.length > 1 ? 's' : ''}</p>
<ol>
${rows.join('\n')}
</ol>
</main>
</body>
</html>
`;
}

/**
 * Written through a temporary file and a rename, like every output, and listed in
 * out/.pvd-manifest.json: an out/index.html that pvd did not write is never replaced.
 */
export function writeArchive(outDir: string, entries: readonly ArchiveEntry[], config: TemplateConfig): string {
  writeOwnedFile(outDir, ARCHIVE_FILE, renderArchive(entries, config), isEarlierArchive);
  return join(outDir, ARCHIVE_FILE);
}

/** An archive written by pvd before out/ had a manifest: this page's own frame, unchanged. */
function isEarlierArchive(text: string): boolean {
  return /^<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>[^<]* — tous les numéros<\/title>\n<style>\nbody \{ margin: 0; padding: 32px 16px;[\s\S]*<\/ol>\n<\/main>\n<\/body>\n<\/html>\n$/.test(text);
}
