import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath, listIssues, type Project } from '../../project.js';
import { defineRule } from '../rule.js';
import { valuePosition } from '../header.js';

const HEAD_BYTES = 4096;
const NUMBER_LINE = /^number:[ \t]*["']?(\d+)["']?[ \t]*(?:#.*)?$/m;

/** The `number:` each issues/NNN/issue.md declares, read from its first bytes only. */
function declaredNumbers(project: Project): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const ref of listIssues(project)) {
    let head: string;
    try {
      const fd = openSync(ref.path, 'r');
      try {
        const buffer = Buffer.alloc(HEAD_BYTES);
        head = buffer.toString('utf8', 0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
      } finally {
        closeSync(fd);
      }
    } catch {
      continue; // a folder without issue.md is not an issue yet
    }
    const frontMatter = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(head)?.[1];
    const number = frontMatter === undefined ? undefined : NUMBER_LINE.exec(frontMatter.replace(/\r/g, ''))?.[1];
    if (number !== undefined) numbers.set(resolve(ref.path), Number(number));
  }
  return numbers;
}

// One reading of issues/ per project object (one per run), however many issues are linted.
const cache = new WeakMap<Project, Map<string, number>>();

export default defineRule({
  id: 'number-unique',
  severity: 'error',
  description: { fr: 'Deux numéros de issues/ ne portent pas le même « number »', en: 'No two issues in issues/ have the same number' },
  check({ issue, project }, report) {
    const { number } = issue.data;
    if (typeof number !== 'number') return;
    let numbers = cache.get(project);
    if (!numbers) cache.set(project, (numbers = declaredNumbers(project)));
    const others = [...numbers].filter(([path, other]) => other === number && path !== issue.path).map(([path]) => displayPath(path));
    if (others.length === 0) return;
    report(valuePosition(issue, 'number'), {
      fr: `Le numéro ${number} est aussi déclaré par ${others.join(', ')} : chaque numéro est unique, corrigez « number » dans l'un des deux.`,
      en: `The number ${number} is also declared by ${others.join(', ')}: each number is unique, fix "number" in one of them.`,
    });
  },
});

