import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixFile, lintFile } from '../../src/lint/index.js';
import { ISSUE_042, makeProject } from '../helpers.js';
import { diagnosticOutOfBounds, htmlProblems, inProcessBuilder, linesOf, treeSnapshot } from './support.js';

/**
 * Property-based: #42 mutated the way people and editors damage files (lines deleted,
 * doubled or swapped, stray Unicode, a file cut short, a front matter rewritten at random).
 * pvd must never throw, must locate every diagnostic inside the file, and a build either
 * publishes HTML that passes the email checks or refuses and leaves out/ as it was.
 *
 * Runs in-process (loadIssue → lint → render), thousands of cases in seconds. A failure
 * prints its seed and shrunk case; replay it with PVD_FC_SEED=<seed>.
 */
const SEED = Number(process.env.PVD_FC_SEED ?? 20_241_216);
const LINT_RUNS = Number(process.env.PVD_FC_LINT_RUNS ?? 1_500);
// A guard against a hang only: hundreds of cases take minutes on a busy machine, and speed is the bench's business.
const PROPERTY_TIMEOUT = 900_000;
const BUILD_RUNS = Number(process.env.PVD_FC_BUILD_RUNS ?? 300);
const FIX_RUNS = Number(process.env.PVD_FC_FIX_RUNS ?? 200);

const ORIGINAL = readFileSync(ISSUE_042, 'utf8');
const ORIGINAL_LINES = ORIGINAL.split('\n');
const FRONT_MATTER_END = ORIGINAL_LINES.indexOf('---', 1);

type Mutation = (lines: string[]) => string[];

const lineIndex = fc.nat({ max: ORIGINAL_LINES.length + 20 });
const at = (lines: readonly string[], index: number) => (lines.length === 0 ? 0 : index % lines.length);

/** Characters that matter to Markdown, YAML, HTML, Handlebars, and Unicode's edge cases. */
const nasty = fc.constantFrom(
  '## ', '### ', '#### ', '![', '](', ')', '[', ']', '<', '>', '<!--', '-->', '{{', '}}', '{{> footer}}', '`', '```', '\t', '> ', '- ', '1. ', '[x]: ',
  '\\', '*', '**', '_', '|', ':', ': ', '---', '...', '&', '&#0;', '&#x110000;', '"', "'", '\u00a0', '\u202f', '\u200b', '\u200d', '\u202e', '\ufeff', '\ufffd',
  '\r', '\r\n', '\u2028', '\u0085', '\ud83d\ude00', '\ud800', '\udfff', 'e\u0301', '👨‍👩‍👧', '\u0000', '\u001b[31m', '%', '%2e%2e/', '../', '/etc/passwd',
  'javascript:alert(1)', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '{#id}', '(#)', 'TODO', 'À compléter', 'https://', 'mailto:', 'images/',
);
const unicodeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.array(nasty, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
);

const deleteLine = lineIndex.map<Mutation>((i) => (lines) => lines.filter((_, index) => index !== at(lines, i)));
const duplicateLine = lineIndex.map<Mutation>((i) => (lines) => lines.flatMap((line, index) => (index === at(lines, i) ? [line, line] : [line])));
const swapLines = fc.tuple(lineIndex, lineIndex).map<Mutation>(([i, j]) => (lines) => {
  const copy = [...lines];
  const a = at(copy, i);
  const b = at(copy, j);
  [copy[a], copy[b]] = [copy[b]!, copy[a]!];
  return copy;
});
const insertText = fc.tuple(lineIndex, fc.nat({ max: 400 }), unicodeText).map<Mutation>(([i, column, text]) => (lines) => {
  if (lines.length === 0) return [text];
  const copy = [...lines];
  const index = at(copy, i);
  const line = copy[index]!;
  const cut = Math.min(column, line.length);
  copy[index] = line.slice(0, cut) + text + line.slice(cut);
  return copy;
});
const cutFile = fc.nat({ max: ORIGINAL.length }).map<Mutation>((offset) => (lines) => lines.join('\n').slice(0, offset % (lines.join('\n').length + 1)).split('\n'));
const yamlValue = fc.oneof(
  fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: false, withDate: true, withMap: false, withSet: false, withTypedArray: false, withSparseArray: false }),
  fc.constantFrom('&a [1, *a]', '*a', '!!binary AAAA', '!!js/function "x"', '{', '[', '"', "'", '|', '>', '? x', '- x', '@x', '`x`', '%YAML 1.2', '2024-13-45', '9999', '-1', '4.2', 'null', '~', 'yes', '.nan'),
);
const yamlKey = fc.oneof(fc.constantFrom('number', 'date', 'subject', 'preheader', 'status', 'credits', '__proto__', 'constructor', 'prototype', 'toString', '<<', '? '), fc.string({ maxLength: 6 }));
const randomFrontMatter = fc.oneof(
  fc.dictionary(yamlKey, yamlValue, { maxKeys: 8 }).map((record) => {
    try {
      return stringify(record);
    } catch {
      return 'x: 1';
    }
  }),
  fc.array(fc.tuple(yamlKey, yamlValue.map((value) => (typeof value === 'string' ? value : JSON.stringify(value) ?? ''))), { maxLength: 8 })
    .map((pairs) => pairs.map(([key, value]) => `${key}: ${value}`).join('\n')),
);
const replaceFrontMatter = randomFrontMatter.map<Mutation>((yaml) => (lines) => {
  const end = lines.indexOf('---', 1);
  if (lines[0] !== '---' || end === -1) return ['---', ...yaml.split('\n'), '---', ...lines];
  return ['---', ...yaml.split('\n'), ...lines.slice(end)];
});
const replaceFrontMatterLine = fc.tuple(fc.nat({ max: FRONT_MATTER_END }), yamlKey, yamlValue).map<Mutation>(([i, key, value]) => (lines) => {
  const copy = [...lines];
  const index = 1 + (i % Math.max(1, FRONT_MATTER_END - 1));
  let written: string;
  try {
    written = stringify({ [key]: value }).trimEnd();
  } catch {
    written = `${key}: ?`;
  }
  copy.splice(index, 1, ...written.split('\n'));
  return copy;
});

const mutation = fc.oneof(
  { arbitrary: deleteLine, weight: 3 },
  { arbitrary: duplicateLine, weight: 2 },
  { arbitrary: swapLines, weight: 2 },
  { arbitrary: insertText, weight: 4 },
  { arbitrary: cutFile, weight: 1 },
  { arbitrary: replaceFrontMatter, weight: 1 },
  { arbitrary: replaceFrontMatterLine, weight: 2 },
);
const mutations = fc.array(mutation, { minLength: 1, maxLength: 5 });
const mutatedText = mutations.map((steps) => steps.reduce((lines, step) => step(lines), [...ORIGINAL_LINES]).join('\n'));
/** Bytes as saved by other tools: a BOM, CRLF line ends, a stray Latin-1 byte, a NUL. */
const mutatedBytes = fc.tuple(mutatedText, fc.constantFrom('utf8', 'bom', 'crlf', 'latin1-byte', 'nul', 'cr'), fc.nat()).map(([text, encoding, position]) => {
  const utf8 = Buffer.from(text, 'utf8');
  const offset = utf8.length === 0 ? 0 : position % utf8.length;
  switch (encoding) {
    case 'bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    case 'crlf': return Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8');
    case 'cr': return Buffer.from(text.replace(/\n/g, '\r'), 'utf8');
    case 'latin1-byte': return Buffer.concat([utf8.subarray(0, offset), Buffer.from([0xe9]), utf8.subarray(offset)]);
    case 'nul': return Buffer.concat([utf8.subarray(0, offset), Buffer.from([0]), utf8.subarray(offset)]);
    default: return utf8;
  }
});

/** The lines of a file a build diagnostic points into: the HTML just built, or a file on disk. */
function linesOfOther(file: string, html: string | undefined): string[] {
  if (html !== undefined && file.endsWith('index.html')) return linesOf(html);
  return linesOf(readFileSync(file, 'utf8'));
}

function runOptions<Ts extends [unknown]>(numRuns: number): fc.Parameters<Ts> {
  return {
    seed: SEED,
    numRuns,
    endOnFailure: false,
    // fast-check's report already carries seed and path; say how to replay it here.
    reporter(details: fc.RunDetails<Ts>) {
      if (!details.failed) return;
      const example: unknown = details.counterexample?.[0];
      const shown = JSON.stringify(Buffer.isBuffer(example) ? example.toString('utf8') : example) ?? String(example);
      throw new Error([
        `Property failed after ${details.numRuns} case(s), shrunk ${details.numShrinks} time(s): ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
        `Counterexample (${shown.length} characters, as UTF-8 text): ${shown.length > 3000 ? `${shown.slice(0, 1500)} … ${shown.slice(-1500)}` : shown}`,
        `Replay: PVD_FC_SEED=${details.seed} npx vitest run tests/robustness/properties.test.ts  (path ${details.counterexamplePath})`,
      ].join('\n'));
    },
  };
}

describe(`#42 mutated at random (seed ${SEED})`, () => {
  let root: string;
  let builder: ReturnType<typeof inProcessBuilder>;
  let target: () => { path: string; folder: string; file: string };
  let path: string;

  beforeAll(() => {
    root = makeProject();
    builder = inProcessBuilder(root);
    target = () => ({ path, folder: dirname(path), file: 'issue.md' });
    path = join(root, 'issues', '042', 'issue.md');
    console.log(`fast-check seed ${SEED} (replay with PVD_FC_SEED=${SEED}); ${LINT_RUNS} lint, ${FIX_RUNS} lint --fix, ${BUILD_RUNS} build cases`);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('the unmodified #42 lints clean and builds HTML that passes the email checks', async () => {
    writeFileSync(path, ORIGINAL);
    const result = await builder.build(path);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.file === path && diagnostic.severity === 'error')).toEqual([]);
    expect(result.output).toBeDefined();
    expect(htmlProblems(result.output!.html)).toEqual([]);
  });

  test(`lint never throws and every diagnostic points inside the file (${LINT_RUNS} cases)`, () => {
    fc.assert(fc.property(mutatedBytes, (bytes) => {
      writeFileSync(path, bytes);
      const linted = lintFile(target(), builder.session);
      const lines = linesOf(bytes.toString('utf8'));
      for (const diagnostic of linted.diagnostics) {
        const problem = diagnosticOutOfBounds(diagnostic, lines);
        if (problem) throw new Error(problem);
        expect(diagnostic.message.fr.length).toBeGreaterThan(0);
        expect(diagnostic.message.en.length).toBeGreaterThan(0);
      }
    }), runOptions<[Buffer]>(LINT_RUNS));
  }, PROPERTY_TIMEOUT);

  // Depends on lint --fix (issue 3). --fix rewrites what people wrote: it must lose no word.
  test(`lint --fix never throws, loses no content, adds no error and is stable (${FIX_RUNS} cases)`, () => {
    // Typography fixes change spaces, hard breaks ("  " → "\\") and quotes ("…" → « … »): the words stay.
    const words = (text: string) => text.replace(/^\uFEFF/, '').replace(/[\s\u00a0\u202f\\"«»“”]+/g, '');
    const errors = (diagnostics: readonly { severity: string }[]) => diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    fc.assert(fc.property(mutatedBytes, (bytes) => {
      writeFileSync(path, bytes);
      const before = lintFile(target(), builder.session);
      const fixed = fixFile(target(), builder.session);
      const after = readFileSync(path);
      if (!fixed.fixed) {
        expect(after.equals(bytes), 'nothing fixed, yet the file changed').toBe(true);
        return;
      }
      expect(words(after.toString('utf8'))).toBe(words(bytes.toString('utf8')));
      expect(errors(fixed.diagnostics)).toBeLessThanOrEqual(errors(before.diagnostics));
      const lines = linesOf(after.toString('utf8'));
      for (const diagnostic of fixed.diagnostics) {
        const problem = diagnosticOutOfBounds(diagnostic, lines);
        if (problem) throw new Error(`after --fix: ${problem}`);
      }
      // A second --fix finds nothing left to do.
      const again = fixFile(target(), builder.session);
      expect(again.fixed ?? 0, 'a second --fix changed the file again').toBe(0);
      expect(readFileSync(path).equals(after)).toBe(true);
    }), runOptions<[Buffer]>(FIX_RUNS));
  }, PROPERTY_TIMEOUT);

  test(`build never throws; it publishes clean HTML or leaves out/ untouched (${BUILD_RUNS} cases)`, async () => {
    const outcomes = { published: 0, refused: 0 };
    await fc.assert(fc.asyncProperty(mutatedText, async (text) => {
      writeFileSync(path, text);
      const before = treeSnapshot(builder.outDir);
      const result = await builder.build(path);
      const lines = linesOf(text);
      for (const diagnostic of result.diagnostics) {
        // Lint points into issue.md; the inbox checks into the built HTML or the template.
        const problem = diagnosticOutOfBounds(diagnostic, diagnostic.file === path ? lines : linesOfOther(diagnostic.file, result.output?.html));
        if (problem) throw new Error(`${diagnostic.file}: ${problem}`);
      }
      if (!result.output) {
        expect(result.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true);
        expect(treeSnapshot(builder.outDir)).toBe(before);
        outcomes.refused++;
        return;
      }
      expect(htmlProblems(result.output.html)).toEqual([]);
      // What was published is what was rendered.
      expect(readFileSync(join(result.output.folder, 'index.html'), 'utf8')).toBe(result.output.html);
      outcomes.published++;
    }), runOptions<[string]>(BUILD_RUNS));
    console.log(`builds: ${outcomes.published} published, ${outcomes.refused} refused`);
    // Both branches must be exercised for the property to mean anything.
    expect(outcomes.published).toBeGreaterThan(BUILD_RUNS / 10);
    expect(outcomes.refused).toBeGreaterThan(BUILD_RUNS / 10);
  }, PROPERTY_TIMEOUT);
});
