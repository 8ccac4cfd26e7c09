import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { t } from '../i18n/lang.js';
import { addToIssueFolder } from '../io/output-folder.js';
import { escapeHtml } from '../render/escape.js';
import { problemKey, type Render } from './findings.js';
import { PROFILES, WIDTHS } from './profiles.js';

/** The folder of the contact sheet, inside out/NNN/. */
export const SHEET_FOLDER = 'inbox';

export interface SheetFile {
  /** A plain file name inside inbox/. */
  name: string;
  content: string | Uint8Array;
}

/**
 * Writes out/NNN/inbox/ as a whole, through the writer that owns out/: under the issue's lock
 * and in its manifest, swapped in at once, so a reader never sees half a sheet and a failed
 * check leaves the previous one whole.
 */
export function writeContactSheet(outDir: string, folderName: string, files: readonly SheetFile[]): string {
  addToIssueFolder(outDir, folderName, SHEET_FOLDER, files.map((file) => ({ path: `${SHEET_FOLDER}/${file.name}`, content: file.content })));
  return join(outDir, folderName, SHEET_FOLDER, 'index.html');
}

/** The sheet: each profile a row, each width a column, the screenshots and what each found. */
export function contactSheetHtml(number: number, renders: readonly Render[], diagnostics: readonly Diagnostic[]): string {
  const lang = t({ fr: 'fr', en: 'en' });
  const title = t({ fr: `Numéro ${number} dans les messageries`, en: `Issue ${number} in the inboxes` });
  const count = (problems: number) => t(problems === 0
    ? { fr: '✔ aucun problème', en: '✔ no problems' }
    : { fr: `✖ ${problems} problème${problems > 1 ? 's' : ''}`, en: `✖ ${problems} problem${problems > 1 ? 's' : ''}` });
  const header = WIDTHS.map((width) => `<th scope="col">${width} px</th>`).join('');
  const rows = PROFILES.map((profile) => {
    const cells = WIDTHS.map((width) => {
      const render = renders.find((candidate) => candidate.profile.id === profile.id && candidate.width === width);
      if (!render) return `<td class="none">${escapeHtml(t({ fr: 'pas à cette largeur', en: 'not at this width' }))}</td>`;
      const alt = `${t(profile.label)}, ${width} px`;
      const problems = new Set(render.findings.map(problemKey)).size;
      return `<td class="${problems === 0 ? 'ok' : 'problems'}"><a href="${render.screenshot}"><img src="${render.screenshot}" alt="${escapeHtml(alt)}" width="160" height="360" loading="lazy"></a><p>${escapeHtml(count(problems))}</p></td>`;
    }).join('');
    return `<tr><th scope="row">${escapeHtml(t(profile.label))}<small>${escapeHtml(t(profile.clients))}</small></th>${cells}</tr>`;
  }).join('\n');
  const problems = diagnostics.length === 0
    ? `<p class="ok">${escapeHtml(t({ fr: 'Aucun problème dans aucun profil.', en: 'No problems in any profile.' }))}</p>`
    : `<ol>${diagnostics.map((diagnostic) => `<li><code>${escapeHtml(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)}</code> <strong>${escapeHtml(diagnostic.rule)}</strong> ${escapeHtml(t(diagnostic.message))}</li>`).join('\n')}</ol>`;
  const intro = t({
    fr: `Produite par « npx pvd check ${number} » : la lettre rendue dans un vrai navigateur comme chaque famille de messageries la montre. Cliquez sur une vignette pour la page entière.`,
    en: `Made by "npx pvd check ${number}": the email rendered in a real browser as each family of inboxes shows it. Click a thumbnail for the whole page.`,
  });
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { margin: 24px; font: 15px/1.4 Arial, sans-serif; color: #161616; background: #f6f6f6; }
h1 { font-size: 22px; color: #000091; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid #ddd; padding: 8px; vertical-align: top; text-align: left; }
th small { display: block; max-width: 180px; font-weight: normal; color: #595959; }
td img { display: block; width: 160px; height: 360px; object-fit: cover; object-position: top; border: 1px solid #ccc; }
td p { margin: 6px 0 0; }
td.ok p, p.ok { color: #18753c; }
td.problems p { color: #ce0500; font-weight: bold; }
td.none { color: #595959; }
li { margin-bottom: 8px; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(intro)}</p>
<table>
<tr><th scope="col">${escapeHtml(t({ fr: 'Profil', en: 'Profile' }))}</th>${header}</tr>
${rows}
</table>
<h2>${escapeHtml(t({ fr: 'Problèmes', en: 'Problems' }))}</h2>
${problems}
</body>
</html>
`;
}
