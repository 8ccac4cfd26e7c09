import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Diagnostic } from '../diagnostics/index.js';
import { UsageError } from '../errors.js';
import { buildIssue, type BuildOptions, type BuiltIssue } from '../pipeline/build.js';
import { shownPath } from '../io/paths.js';
import { type IssueFile } from '../project.js';
import { compileTemplate } from '../render/index.js';
import { MIN_CONTRAST } from '../inbox/checks/contrast.js';
import { issueInboxSettings, leveled } from '../inbox/index.js';
import { launchBrowser, NO_BROWSER } from './browser.js';
import { contactSheetHtml, writeContactSheet, type SheetFile } from './contact-sheet.js';
import { MAX_TEXT_WIDTH, MIN_TEXT_WIDTH, toDiagnostics, type Finding, type Render } from './findings.js';
import { PAGE_SCRIPT } from './page-script.js';
import { markElements, PHONE_WIDTH, PROFILES } from './profiles.js';

export type CheckOptions = Omit<BuildOptions, 'compiled' | 'write'>;

export interface CheckResult {
  /** The build's diagnostics (lint, inbox checks), then the simulated inboxes'. */
  diagnostics: Diagnostic[];
  /** The contact sheet, out/NNN/inbox/index.html; undefined when the issue did not build. */
  sheet?: string;
  /** How many profile × width renders were made. */
  renders: number;
}

/** Profile × width renders in all, for a progress line. */
export const RENDER_COUNT = PROFILES.reduce((sum, profile) => sum + profile.widths.length, 0);

/**
 * The "check" stage: builds the issue as `pvd build` does, then renders the built email in
 * the user's browser as each family of inboxes would, at every width, and reports what
 * breaks. Nothing is built when there is no browser to check with.
 */
export async function checkIssue(target: IssueFile, options: CheckOptions, onRender: (done: number) => void = () => {}): Promise<CheckResult> {
  const browser = await launchBrowser();
  if (!browser) throw new UsageError(NO_BROWSER);
  try {
    const built = await buildIssue(target, { ...options, compiled: compileTemplate(options.session.template), write: true });
    if (!built.output) return { diagnostics: built.diagnostics, renders: 0 };
    const { output } = built;
    const renders = await renderProfiles(browser, output, `${options.session.template.config.publicBaseUrl}${output.folderName}/`, onRender);
    // Set as every check is: its level in template.yaml, off there or by a comment in the issue.
    const settings = issueInboxSettings(options.session.inbox, built.silenced ?? []);
    const found = toDiagnostics(renders.map(({ render }) => render), output.html, shownPath(join(output.folder, 'index.html'), { outside: 'relative' })).flatMap((diagnostic) => leveled(diagnostic, settings) ?? []);
    const diagnostics = [...built.diagnostics, ...found];
    const files: SheetFile[] = [
      { name: 'index.html', content: contactSheetHtml(output.number, renders.map(({ render }) => render), diagnostics.slice(built.diagnostics.length)) },
      ...renders.map(({ render, png }) => ({ name: render.screenshot, content: png })),
    ];
    return { diagnostics, sheet: writeContactSheet(options.outDir, output.folderName, files), renders: renders.length };
  } finally {
    await browser.close();
  }
}

async function renderProfiles(browser: Browser, output: BuiltIssue, imageBase: string, onRender: (done: number) => void): Promise<{ render: Render; png: Buffer }[]> {
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  try {
    // The email's pictures come from the build itself; nothing else is fetched.
    const images = new Map(output.files.map((entry) => [entry.path, entry]));
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      const entry = url.startsWith(imageBase) ? images.get(decodeURIComponent(url.slice(imageBase.length).split(/[?#]/)[0]!)) : undefined;
      if (!entry) return route.abort();
      return route.fulfill({ body: Buffer.from('content' in entry ? entry.content : readFileSync(entry.source)) });
    });
    const page = await context.newPage();
    const marked = markElements(output.html);
    const renders: { render: Render; png: Buffer }[] = [];
    for (const profile of PROFILES) {
      const html = profile.transform(marked);
      for (const width of profile.widths) {
        const findings = await show(page, html, profile.colorScheme, width, profile.inPage);
        const png = await page.screenshot({ fullPage: true, type: 'png' });
        renders.push({ render: { profile, width, screenshot: `${profile.id}-${width}.png`, findings }, png });
        onRender(renders.length);
      }
    }
    return renders;
  } finally {
    await context.close();
  }
}

/** Loads the HTML at one width and colour scheme, lets the client do what it does, and measures. */
async function show(page: Page, html: string, colorScheme: 'light' | 'dark', width: number, inPage: string | undefined): Promise<Finding[]> {
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width, height: 900 });
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(PAGE_SCRIPT);
  if (inPage) await page.evaluate(`window.__pvd.${inPage}()`);
  const options = { phone: width < PHONE_WIDTH, minTextWidth: MIN_TEXT_WIDTH, maxTextWidth: MAX_TEXT_WIDTH, minContrast: MIN_CONTRAST };
  return page.evaluate(`window.__pvd.measure(${JSON.stringify(options)})`);
}
