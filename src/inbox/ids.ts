/** The ids of the checks on built outputs, known to template.yaml's `rules:` without loading the checks. */
export const INBOX_CHECK_IDS = ['inbox-size', 'inbox-css', 'inbox-unsubscribe', 'inbox-contrast', 'inbox-image-alt'] as const;

/** The ids of `npx pvd check`'s findings in a real browser (src/check/findings.ts). */
export const BROWSER_CHECK_IDS = ['inbox-overflow', 'inbox-hidden-text', 'inbox-narrow-text', 'inbox-wide-text', 'inbox-side-picture', 'inbox-low-contrast'] as const;
