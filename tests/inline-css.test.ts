import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { load } from 'cheerio/slim';
import juice from 'juice';
import juiceUtils from 'juice/lib/utils';
import { describe, expect, it } from 'vitest';
import { loadIssue } from '../src/issue/load.js';
import { openSession } from '../src/pipeline/session.js';
import { createRenderContext } from '../src/render/context.js';
import { buildHtmlView } from '../src/render/html-view.js';
import { compileTemplate, inlineCss, JUICE_OPTIONS } from '../src/render/html.js';
import { memoBy } from '../src/render/juice-memo.js';
import { withSelectorIndex, type DocumentQuery } from '../src/render/selector-index.js';
import { REPO } from './helpers.js';

/** #42 through the layout, before any CSS is inlined. */
function layoutHtmlOf42(): string {
  const session = openSession({ root: REPO, issuesDir: join(REPO, 'issues') });
  const path = join(REPO, 'issues', '042', 'issue.md');
  const { issue } = loadIssue({ path, folder: join(REPO, 'issues', '042'), file: 'issues/042/issue.md' }, session.template);
  const compiled = compileTemplate(session.template);
  return compiled.layout(buildHtmlView(createRenderContext(issue!, issue!.frontMatter!, session.template, 'generic'), compiled.css));
}

const DOCUMENT = `<!doctype html><html><head><style>p { color: red }</style></head><body id="body">
<u></u><div id="MessageViewBody"><a href="#">x</a></div>
<table class="card Card  card-body" id="Main"><tr><td class="cell"><p class="a b">un</p><p class="b">deux</p></td></tr></table>
<div class="card-body"><h3 class="title">trois</h3><a x-apple-data-detectors="true" href="#">quatre</a></div>
<ul><li class="x">cinq</li><li>six</li></ul><span class="x x">sept</span><b class="Only">huit</b>
</body></html>`;

/** The elements a query answers, as positions in the document's own order: comparable across two loads. */
function answer($: DocumentQuery, selector: string): number[] {
  const all = ($('*') as { toArray(): unknown[] }).toArray();
  return ($(selector) as { toArray(): unknown[] }).toArray().map((element) => all.indexOf(element));
}

describe('CSS inlining', () => {
  it('gives #42 the very bytes juice gives it on its own, for the whole layout', () => {
    const html = layoutHtmlOf42();
    expect(html).toContain('class="card-body"');
    expect(inlineCss(html)).toBe(juice(html, JUICE_OPTIONS));
  });

  it('parses the template\'s CSS once per thread, and still gives the bytes of a juice left as it is', () => {
    const html = layoutHtmlOf42();
    const first = inlineCss(html);
    // juice's own parse, from now on remembered: the same text gives back the same rules.
    const css = layoutHtmlOf42().match(/<style[^>]*>([\s\S]*?)<\/style>/)![1]!;
    expect(juiceUtils.parseCSS(css)).toBe(juiceUtils.parseCSS(css));
    expect(inlineCss(html)).toBe(first);
    // A process of its own, where nothing of pvd's touched juice.
    const untouched = spawnSync(process.execPath, ['--input-type=module', '-e', `import juice from 'juice'; import { readFileSync } from 'node:fs';
      process.stdout.write(juice(readFileSync(0, 'utf8'), ${JSON.stringify(JUICE_OPTIONS)}));`], { cwd: REPO, input: html, encoding: 'utf8' });
    expect(untouched.status, untouched.stderr).toBe(0);
    expect(first).toBe(untouched.stdout);
  });

  it('remembers by key, computing each once', () => {
    let computed = 0;
    const length = memoBy((text: string) => text.trim(), (text: string) => ++computed && text.trim().length);
    expect([length(' ab '), length('ab'), length('abc'), length(' abc')]).toEqual([2, 2, 3, 3]);
    expect(computed).toBe(2);
  });

  it('answers each selector with the elements cheerio finds, in document order', () => {
    const selectors = [
      'p', 'P', '.Only', '.only', '.b', '.a.b', 'td .b', 'td > p.b', '.card', '.Card', '#Main', '#main', '.card-body', '.card-body h3', 'div.card-body',
      'u + #body a', '#MessageViewBody a', 'a[x-apple-data-detectors]', 'li.x', '.x', 'ul li', 'li ~ li', 'table .cell p',
      // An ancestor or a sibling the document does not have: nothing.
      '#absent a', '.absent p', 'section p', 'u + #nobody a', 'i + #body a', '#Main .absent', '.card-body #absent h3', 'ol li',
      // Answered by cheerio itself: a group, a universal, pseudo-classes.
      'h3, li', '.card-body *', 'li:first-child', 'p:not(.a)', '*',
    ];
    for (const selector of selectors) {
      const $ = load(DOCUMENT) as unknown as DocumentQuery;
      const indexed = withSelectorIndex(load(DOCUMENT) as unknown as DocumentQuery);
      expect(answer(indexed, selector), selector).toEqual(answer($, selector));
    }
    // The index answers what it indexes: a class no element carries gives nothing, not everything.
    expect(answer(withSelectorIndex(load(DOCUMENT) as unknown as DocumentQuery), '.absent')).toEqual([]);
  });

  it('no longer answers an element taken out of the document after the index was made', () => {
    const $ = withSelectorIndex(load(DOCUMENT) as unknown as DocumentQuery);
    expect(($('.b') as { length: number }).length).toBe(2);
    ($('td') as { remove(): void }).remove();
    expect(($('.b') as { length: number }).length).toBe(0);
    expect(($('.card-body') as { length: number }).length).toBe(2);
  });
});
