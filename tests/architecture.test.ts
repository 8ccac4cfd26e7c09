import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';

const DEPCRUISE = join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

function cruise(root: string) {
  const result = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd: root, encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the tree is the pipeline (dependency-cruiser)', () => {
  const copies: string[] = [];
  afterAll(() => {
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  });
  const copy = () => {
    const root = mkdtempSync(join(tmpdir(), 'pvd-test-'));
    copies.push(root);
    for (const entry of ['src', 'tsconfig.json', '.dependency-cruiser.cjs']) cpSync(join(REPO, entry), join(root, entry), { recursive: true });
    return root;
  };

  it('has no import from a later stage to an earlier one, and no cycle', () => {
    const { code, output } = cruise(REPO);
    expect(output).not.toMatch(/error/);
    expect(code).toBe(0);
  });

  it('would see one: lint reaching into the renderer, a cycle, a module outside every stage', () => {
    const root = copy();
    writeFileSync(join(root, 'src', 'lint', 'probe.ts'), "import { renderIssue } from '../render/index.js';\nexport const probe = renderIssue;\n");
    writeFileSync(join(root, 'src', 'text', 'a.ts'), "import { b } from './b.js';\nexport const a = (): number => b() + 1;\n");
    writeFileSync(join(root, 'src', 'text', 'b.ts'), "import { a } from './a.js';\nexport const b = (): number => a() - 1;\n");
    writeFileSync(join(root, 'src', 'misc.ts'), "import { t } from './i18n/lang.js';\nexport const misc = t;\n");
    const { code, output } = cruise(root);
    expect(code).not.toBe(0);
    expect(output).toContain('lint-looks-ahead: src/lint/probe.ts → src/render/index.ts');
    expect(output).toMatch(/no-circular: src\/text\/(a|b)\.ts/);
    expect(output).toContain('stage-unknown: src/misc.ts');
  });
});
