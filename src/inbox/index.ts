import type { Diagnostic } from '../diagnostics.js';
import { reporterFor, type InboxCheck, type InboxInput } from './check.js';
import contrast from './checks/contrast.js';
import cssSupport from './checks/css-support.js';
import imageAlt from './checks/image-alt.js';
import size from './checks/size.js';
import unsubscribe from './checks/unsubscribe.js';
import { parsePage } from './page.js';

export type { InboxInput };

/** Every check `pvd build` runs on the HTML it wrote, in the order they are reported. */
export const INBOX_CHECKS: readonly InboxCheck[] = [size, cssSupport, unsubscribe, contrast, imageAlt];

/** The built HTML and text of one issue → diagnostics in lint's format, located in out/NNN/. */
export function checkInbox(input: InboxInput): Diagnostic[] {
  const page = parsePage(input.html, input.htmlFile);
  const diagnostics: Diagnostic[] = [];
  for (const check of INBOX_CHECKS) check.check(page, input, reporterFor(check, page, input, diagnostics));
  return diagnostics;
}
