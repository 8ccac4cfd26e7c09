import { describe, expect, it } from 'vitest';
import { headerValues, splitFrontMatter } from '../../src/issue/front-matter.js';

const HEADER = '---\nnumber: 42\nsubject: "S"\n---\n\nTexte.\n';

describe("number-unique's read of a header", () => {
  it('takes the parse of the same text just made, without YAML again', () => {
    const split = splitFrontMatter(HEADER, 'issues/042/issue.md');
    expect(headerValues(HEADER)).toBe(split);
  });

  it('reads a text of its own afresh, and leaves the last parse kept', () => {
    const split = splitFrontMatter(HEADER, 'issues/042/issue.md');
    const other = HEADER.replace('42', '43');
    expect(headerValues(other).data.number).toBe(43);
    expect(headerValues(other)).not.toBe(split);
    expect(headerValues(HEADER)).toBe(split);
  });

  it('says a header YAML cannot read, as the parse does', () => {
    expect(headerValues('---\nnumber: [\n---\n').diagnostics[0]?.rule).toBe('parse');
  });
});
