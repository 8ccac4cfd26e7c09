import type { Diagnostic } from '../diagnostics/index.js';
import { reporterFor, type InboxCheck, type InboxInput, type InboxSettings } from './check.js';
import contrast from './checks/contrast.js';
import cssSupport from './checks/css-support.js';
import imageAlt from './checks/image-alt.js';
import size from './checks/size.js';
import unsubscribe from './checks/unsubscribe.js';
import { parsePage } from './page.js';

export { issueInboxSettings, leveled } from './check.js';
export type { InboxInput, InboxSettings };

/** Every check run on the HTML and text a build makes, in the order they are reported. */
export const INBOX_CHECKS: readonly InboxCheck[] = [size, cssSupport, unsubscribe, contrast, imageAlt];

/** The built HTML and text of one issue → diagnostics in lint's format, located in out/NNN/. */
export function checkInbox(input: InboxInput, settings: InboxSettings): Diagnostic[] {
  const page = parsePage(input.html, input.htmlFile);
  const diagnostics: Diagnostic[] = [];
  for (const check of INBOX_CHECKS) {
    if (settings.level(check.id) === 'off') continue;
    check.check(page, input, reporterFor(check, page, input, settings, diagnostics));
  }
  return diagnostics;
}
