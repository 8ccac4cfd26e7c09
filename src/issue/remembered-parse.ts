import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { compileIdentity, readRemembered, writeRemembered } from '../io/cache.js';
import type * as Mdast from 'mdast';
import type { CatalogSection } from '../template/model.js';
import { parseChunks, type ChunkTrees } from './markdown-chunks.js';
import type { MarkdownParser } from './markdown.js';
import type { Section } from './model.js';
import { parseIssue, type LoadedIssue } from './parse.js';

// Part of the keys: a change to what is stored invalidates every entry.
const FORMAT = 'pvd-issue-1';
const CHUNKS_FORMAT = 'pvd-chunks-1';
/**
 * Texts remembered up to this length (#42 is 12 KB): a parse is some six times its text once
 * stored, and a text far longer than any issue is one the limits and the bench's huge inputs probe.
 */
const REMEMBERED_UP_TO = 256 * 1024;

/** A parse as stored: each section's catalog entry as its place in the catalog, which the key holds. */
interface StoredParse {
  loaded: LoadedIssue;
  entries: (number | undefined)[];
  /** Whether the header as read was a record without prototype, which the storage does not keep. */
  bareData: boolean;
}

/**
 * `parseIssue`, answered from pvd's cache for a text already parsed: `build --all` parses again
 * only the issues that changed since the last run, and the others cost a read. The key is all
 * a parse depends on (the text, where it is, the template's catalog, this compile of pvd), so an
 * edit, a moved folder or a new catalog parses afresh. Markdown is the costliest stage of a
 * build (micromark: ~7 ms for #42, warm; ~25 ms in a command's first and only parse).
 */
export function parseIssueRemembered(source: string, path: string, file: string, catalog: readonly CatalogSection[]): LoadedIssue {
  const identity = source.length > REMEMBERED_UP_TO ? undefined : compileIdentity();
  if (identity === undefined) return parseIssue(source, path, file, catalog);
  const key = createHash('sha256').update(`${FORMAT}\0${identity}\0${path}\0${file}\0${JSON.stringify(catalog)}\0`).update(source).digest('hex');
  const remembered = readRemembered('issues', path, key);
  if (remembered) {
    try {
      return reviveParse(deserialize(remembered) as StoredParse, catalog);
    } catch {
      // A damaged entry costs the parse, nothing else.
    }
  }
  const loaded = parseIssue(source, path, file, catalog, chunksRemembered(path, identity));
  writeRemembered('issues', path, key, serialize(storedParse(loaded, catalog)));
  return loaded;
}

/**
 * An edited issue is parsed again stretch by stretch (issue/markdown-chunks.ts): the Markdown
 * of each heading's stretch is remembered by its text, under the issue's path, so an edit to one
 * section parses that section only. micromark's first parse in a command costs ~25 ms for #42.
 */
function chunksRemembered(path: string, identity: string): MarkdownParser {
  return (markdown) => {
    const key = createHash('sha256').update(`${CHUNKS_FORMAT}\0${identity}\0${path}`).digest('hex');
    let known: ChunkTrees = new Map();
    const remembered = readRemembered('chunks', path, key);
    if (remembered) {
      try {
        known = new Map(deserialize(remembered) as [string, Mdast.Root][]);
      } catch {
        // A damaged entry costs the parse of every stretch.
      }
    }
    return parseChunks(markdown, known, (trees) => writeRemembered('chunks', path, key, serialize([...trees])));
  };
}

/**
 * What is stored (v8's serialisation: the structure as it is, objects shown twice stored once,
 * properties left undefined kept). The catalog entries are the template's own objects, which
 * rules compare by identity: stored as their places in it.
 */
export function storedParse(loaded: LoadedIssue, catalog: readonly CatalogSection[]): StoredParse {
  if (!loaded.issue) return { loaded, entries: [], bareData: false };
  const entries = loaded.issue.sections.map((section) => (section.entry ? catalog.indexOf(section.entry) : undefined));
  const sections = loaded.issue.sections.map((section): Section => ({ ...section, entry: undefined }));
  return { loaded: { ...loaded, issue: { ...loaded.issue, sections } }, entries, bareData: Object.getPrototypeOf(loaded.issue.data) === null };
}

export function reviveParse(stored: StoredParse, catalog: readonly CatalogSection[]): LoadedIssue {
  const { issue } = stored.loaded;
  if (issue) {
    issue.sections.forEach((section, index) => {
      const place = stored.entries[index];
      section.entry = place === undefined ? undefined : catalog[place];
    });
    // The front matter as read is a record without prototype (`__proto__:` stays data); the copy kept its keys, not that.
    if (stored.bareData) {
      const data: Record<string, unknown> = Object.create(null);
      for (const [name, value] of Object.entries(issue.data)) data[name] = value;
      issue.data = data;
    }
  }
  return stored.loaded;
}
