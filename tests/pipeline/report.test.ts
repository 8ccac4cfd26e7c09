import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/pipeline/build.js';
import { toReport } from '../../src/pipeline/report.js';

const result: BuildResult = {
  file: 'issues/042/issue.md',
  diagnostics: [],
  output: {
    number: 42, date: '2024-12-16', subject: 'S', preheader: 'P', status: 'ready', folderName: '042', folder: '/out/042',
    html: '<p>Décembre</p>', text: 'Décembre',
    files: [{ path: 'index.html', content: '' }, { path: 'images/toul.jpg', source: '/issues/042/images/toul.jpg' }],
    changed: true,
  },
};

describe('the report of a built issue', () => {
  it('keeps of the outputs written only their size: build --all does not hold every issue\'s HTML until it ends', () => {
    const report = toReport(result, true);
    expect(report.output).toMatchObject({ htmlBytes: 16, imageCount: 1, printed: undefined });
    expect(JSON.stringify(report)).not.toContain('Décembre');
  });

  it('keeps the outputs when nothing was written, for --stdout to print', () => {
    expect(toReport(result, false).output!.printed).toEqual({ html: '<p>Décembre</p>', text: 'Décembre' });
  });
});
