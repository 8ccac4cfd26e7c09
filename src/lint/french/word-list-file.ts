import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Template } from '../../template/model.js';
import { EMPTY_WORD_LIST, parseWordList, type WordList } from '../../text/french/word-list.js';

/** templates/<name>/mots.txt (or the file template.yaml names under `words:`). */
export function wordListPath(template: Template): string {
  return join(template.folder, template.config.words);
}

const lists = new WeakMap<Template, WordList>();

/** The template's word list, read once per run; none is an empty list. */
export function templateWordList(template: Template): WordList {
  let list = lists.get(template);
  if (!list) {
    try {
      list = parseWordList(readFileSync(wordListPath(template), 'utf8'));
    } catch {
      list = EMPTY_WORD_LIST;
    }
    lists.set(template, list);
  }
  return list;
}
