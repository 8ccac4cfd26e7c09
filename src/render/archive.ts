import Handlebars from 'handlebars';
import { templateSyntaxProblem } from './template-syntax.js';
import { TemplateError } from '../errors.js';
import { readArchiveLayout } from '../template/files.js';
import type { Template } from '../template/model.js';
import { frenchDate } from '../text/dates.js';
import { escapeText } from './escape.js';

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
 * out/index.html, from the template's archive.hbs: every issue, newest first, each linking to
 * NNN/index.html. Links are relative, so out/ can be published as is under publicBaseUrl,
 * where `urls.webVersion` ("view in browser" for the generic target) expects each issue.
 */
export function renderArchive(entries: readonly ArchiveEntry[], template: Template): string {
  const archive = readArchiveLayout(template);
  // Handlebars compiles lazily: parsing now reports a typo before any page is written.
  const problem = templateSyntaxProblem(archive.source);
  if (problem) {
    throw new TemplateError({
      file: archive.file, line: problem.line, column: problem.column, severity: 'error', rule: 'template', messageId: 'archive',
      message: {
        fr: `${problem.message.fr} (La page d'archive du gabarit ; au besoin, restaurez-la depuis le gabarit livré avec pvd.)`,
        en: `${problem.message.en} (The template's archive page; if need be, restore it from the template shipped with pvd.)`,
      },
    });
  }
  const layout = Handlebars.create().compile(archive.source, { strict: false, preventIndent: true });
  // Texts are escaped here, as between tags: Handlebars would also turn quotes and `=` into entities.
  const safe = (text: string) => new Handlebars.SafeString(escapeText(text));
  const { config } = template;
  return layout({
    name: safe(config.name),
    organisation: safe(config.organisation),
    colors: config.colors,
    count: `${entries.length} numéro${entries.length > 1 ? 's' : ''}`,
    issues: [...entries].sort((a, b) => b.number - a.number).map((entry) => ({
      folderName: entry.folderName,
      number: entry.number,
      date: entry.date,
      dateLabel: frenchDate(entry.date),
      subject: safe(entry.subject),
    })),
  });
}

/** An archive written by pvd before out/ had a manifest: the old page's own frame, unchanged. pvd may take it over. */
export function isEarlierArchive(text: string): boolean {
  return /^<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>[^<]* — tous les numéros<\/title>\n<style>\nbody \{ margin: 0; padding: 32px 16px;[\s\S]*<\/ol>\n<\/main>\n<\/body>\n<\/html>\n$/.test(text);
}
