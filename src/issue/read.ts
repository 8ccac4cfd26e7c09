import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/index.js';
import { UsageError } from '../errors.js';
import { fileSize } from '../text/format.js';

/** An issue runs to about 15 KB; anything past this is not an issue someone wrote. */
export const MAX_ISSUE_BYTES = 1024 * 1024;

export type SourceResult = { ok: true; source: string; bom: boolean } | { ok: false; diagnostic: Diagnostic };

/**
 * Reads issue.md as UTF-8 text. A path that cannot be read is a usage error (exit 2);
 * bytes that are not a Markdown text are a located problem in the content (exit 1).
 */
export function readIssueSource(path: string, file: string): SourceResult {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) {
      throw new UsageError({
        fr: `${file} est un dossier : donnez le fichier issue.md qu'il contient, ou un numéro (par exemple « npx pvd lint 42 »).`,
        en: `${file} is a folder: pass the issue.md inside it, or an issue number (for instance "npx pvd lint 42").`,
      });
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? { fr: `${file} n'existe pas : vérifiez le chemin, ou le numéro de la lettre.`, en: `${file} does not exist: check the path or the issue number.` }
        : { fr: `Impossible de lire ${file} (${code ?? 'erreur inconnue'}) : vérifiez ses droits d'accès.`, en: `Cannot read ${file} (${code ?? 'unknown error'}): check its permissions.` },
    );
  }
  return decodeIssueBytes(bytes, file);
}

/** Bytes → text; line ends are normalised to `\n` unless the caller needs them as written (`--fix`). */
export function decodeIssueBytes(bytes: Uint8Array, file: string, { normalize = true } = {}): SourceResult {
  const problem = (line: number, column: number, fr: string, en: string): SourceResult => ({
    ok: false,
    diagnostic: { file, line, column, severity: 'error', rule: 'parse', messageId: 'unreadable', message: { fr, en } },
  });
  if (bytes.length > MAX_ISSUE_BYTES) {
    const size = fileSize(bytes.length, { unit: 'Mo' });
    return problem(1, 1,
      `Le fichier fait ${size.fr}, bien plus qu'un numéro de la lettre (quelques dizaines de Ko) : vérifiez qu'il s'agit du bon fichier et déplacez les images dans images/.`,
      `The file is ${size.en}, far more than a newsletter issue (a few tens of KB): check it is the right file and move images to images/.`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = positionOfByte(bytes, nul);
    return problem(line, column,
      "Le fichier contient des données binaires (octet nul) : ce n'est pas un texte Markdown. Enregistrez-le en texte brut UTF-8.",
      'The file contains binary data (a NUL byte): it is not Markdown text. Save it as plain UTF-8 text.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { line, column } = positionOfByte(bytes, firstInvalidUtf8Byte(bytes));
    return problem(line, column,
      "Le fichier n'est pas encodé en UTF-8 (accents mal codés, souvent un export Windows-1252) : réenregistrez-le en UTF-8 depuis votre éditeur.",
      'The file is not UTF-8 encoded (often a Windows-1252 export): save it again as UTF-8 from your editor.');
  }
  // The decoder drops a leading byte-order mark; --fix writes it back.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    return problem(1, 1,
      'Le fichier est vide : il doit commencer par un en-tête YAML (---, number, date, subject…). Lancez « npx pvd new » pour créer un numéro complet.',
      'The file is empty: it must start with a YAML header (---, number, date, subject…). Run "npx pvd new" to scaffold an issue.');
  }
  return { ok: true, source: normalize ? text.replace(/\r\n?/g, '\n') : text, bom };
}

function positionOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  // Line ends as the parser sees them after normalisation: LF, CRLF and a lone CR.
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  // Columns count characters, not bytes: decode the valid start of the line.
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, index));
  return { line, column: [...before].length + 1 };
}

function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  // The lenient decoder marks the first bad sequence with U+FFFD; its byte offset is the
  // length of what precedes it (a literal U+FFFD earlier in the file would only move the mark up).
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const replacement = lenient.indexOf('\uFFFD');
  return replacement === -1 ? 0 : Buffer.byteLength(lenient.slice(0, replacement));
}
