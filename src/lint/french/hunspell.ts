import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SpellEngine } from '../../text/french/spelling.js';

/**
 * Hunspell (compiled to WebAssembly by hunspell-asm) with the French dictionary that
 * dictionary-fr ships, loaded synchronously so that a lint rule can use it: lint rules
 * are synchronous, and hunspell-asm's own loader is not. Both packages are read from
 * node_modules when a word is unknown, never on a warm `pvd lint`.
 */

/**
 * Not `require`: esbuild would bundle what a plain require() names. Made when first needed:
 * node:module starts Node's ES module loader, which a warm `pvd lint` has no use for.
 */
let required: NodeJS.Require | undefined;
const load = Object.assign((id: string): unknown => requireHere()(id), { resolve: (id: string) => requireHere().resolve(id) });
function requireHere(): NodeJS.Require {
  return (required ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
}

let identity: { folder: string; version: string } | undefined;

/** Where dictionary-fr is and which version it is: what the verdicts remembered depend on. */
export function dictionaryIdentity(): { folder: string; version: string } {
  if (identity) return identity;
  const folder = dictionaryFolder();
  const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string };
  return (identity = { folder, version: `dictionary-fr@${version}+hunspell-asm@${HUNSPELL_ASM_VERSION}` });
}

/** node_modules/dictionary-fr, looked for as Node would, without its resolver (a millisecond on every lint). */
function dictionaryFolder(): string {
  for (let folder = dirname(fileURLToPath(import.meta.url)); ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', 'dictionary-fr');
    if (existsSync(join(candidate, 'index.dic'))) return candidate;
    // Its package.json `exports` only lets its entry be resolved; its files sit beside it.
    if (dirname(folder) === folder) return dirname(load.resolve('dictionary-fr'));
  }
}

/** Pinned in package.json: the loader below relies on this version's Emscripten module. */
const HUNSPELL_ASM_VERSION = '4.0.2';
const GLUE = 'hunspell-asm/dist/cjs/lib/node/hunspell.js';

// Node's WebAssembly, which the lib settings here (ES2023, no DOM) do not declare.
interface WasmInstance { exports: object }
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => WasmInstance;
};

interface EmscriptenModule {
  instantiateWasm(imports: object, receive: (instance: WasmInstance, module: object) => void): object;
}

interface HunspellFactory {
  mountBuffer(contents: ArrayBufferView, fileName?: string): string;
  create(affPath: string, dicPath: string): HunspellInstance;
}

let loaded: SpellEngine | undefined;

/** The engine, loaded once per process (about 0.2 s): linting many issues pays it once. */
export function loadHunspell(): SpellEngine {
  return (loaded ??= createHunspell());
}

function createHunspell(): SpellEngine {
  const { folder } = dictionaryIdentity();
  const gluePath = load.resolve(GLUE);
  // The module embeds its WebAssembly as a data: URI; compiled here synchronously.
  const wasm = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/.exec(readFileSync(gluePath, 'latin1'))?.[1];
  if (!wasm) throw new Error(`${GLUE}: no WebAssembly inside`);
  const bytes = Buffer.from(wasm, 'base64');
  const listeners = process.listeners('uncaughtException');
  const makeRuntime = load(gluePath) as (module: EmscriptenModule) => unknown;
  const runtime = makeRuntime({
    instantiateWasm(imports, receive) {
      const module = new WebAssembly.Module(bytes);
      const instance = new WebAssembly.Instance(module, imports);
      receive(instance, module);
      return instance.exports;
    },
  });
  // Emscripten adds a handler that rethrows every uncaught exception: pvd reports its own.
  for (const listener of process.listeners('uncaughtException')) if (!listeners.includes(listener)) process.off('uncaughtException', listener);
  const { hunspellLoader } = load('hunspell-asm/dist/cjs/hunspellLoader.js') as { hunspellLoader(runtime: unknown): HunspellFactory };
  const factory = hunspellLoader(runtime);
  const aff = fasterSuggestions(readFileSync(join(folder, 'index.aff'), 'utf8'));
  const engine = factory.create(factory.mountBuffer(Buffer.from(aff, 'utf8'), 'fr.aff'), factory.mountBuffer(readFileSync(join(folder, 'index.dic')), 'fr.dic'));
  let suggesting = 0;
  return {
    spell: (word) => engine.spell(word),
    suggest(word) {
      if (suggesting > SUGGESTION_BUDGET_MS) return undefined;
      const started = performance.now();
      const suggestions = engine.suggest(word);
      suggesting += performance.now() - started;
      return suggestions;
    },
  };
}

/**
 * A suggestion costs 30 to 100 ms: past this much time in one run (a text full of
 * unknown words is seldom French), words are reported without suggestions, and judged
 * again, suggestions included, on a later run.
 */
const SUGGESTION_BUDGET_MS = 1500;

interface HunspellInstance {
  spell(word: string): boolean;
  suggest(word: string): string[];
}

/**
 * The affix file's MAP table lists each letter with its capital (`MAP bB`) and each vowel
 * with its accented capitals: hunspell tries every combination when it suggests, which
 * takes 0.3 to 1 s a word. Hunspell handles capitals by itself, so only the lower-case
 * accent classes are kept (`MAP eéèêë`): the same suggestions, about ten times faster.
 */
export function fasterSuggestions(aff: string): string {
  const lines = aff.split('\n');
  const header = lines.findIndex((line) => /^MAP\s+\d+\s*$/.test(line));
  if (header === -1) return aff;
  const count = Number(lines[header]!.split(/\s+/)[1]);
  const classes = lines.slice(header + 1, header + 1 + count).map((line) => {
    const letters = [...(line.split(/\s+/)[1] ?? '')].filter((char) => char === char.toLowerCase() && char !== char.toUpperCase());
    return [...new Set(letters)].join('');
  }).filter((letters) => letters.length > 1);
  return [...lines.slice(0, header), `MAP ${classes.length}`, ...classes.map((letters) => `MAP ${letters}`), ...lines.slice(header + 1 + count)].join('\n');
}
