/** The ids of the checks on built outputs, known to template.yaml's `rules:` without loading the checks. */
export const INBOX_CHECK_IDS = ['inbox-size', 'inbox-css', 'inbox-unsubscribe', 'inbox-contrast', 'inbox-image-alt'] as const;
