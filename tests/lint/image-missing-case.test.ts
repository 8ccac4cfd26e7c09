import { vi } from 'vitest';
import imageMissing from '../../src/lint/rules/image-missing.js';
import { testRule } from './rule-tester.js';
import { SOURCE_042 } from './support.js';

// A disk that ignores case, as on Windows and macOS, where images/Toul.JPG finds toul.jpg:
// this machine's disk respects it, and pvd tells the difference only there (src/io/paths.ts).
// Every other case of image-missing is in rules.test.ts, on the real disk.
vi.mock('node:fs', async (original) => {
  const { caseBlindFs } = await import('../case-blind-fs.js');
  return caseBlindFs(await original<typeof import('node:fs')>());
});

testRule(imageMissing, SOURCE_042, {
  valid: [{ name: 'the name as the disk spells it', code: (source) => source }],
  invalid: [{
    name: 'a name whose case differs from the file’s',
    code: (source) => source.replace('images/toul.jpg', 'Images/Toul.JPG'),
    errors: [{ messageId: 'wrongCase', line: 75, column: 1 }],
  }],
});
