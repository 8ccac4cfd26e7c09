/**
 * The inboxes pvd checks the built HTML against, by caniemail's `family.platform` names:
 * Gmail, Apple Mail, Outlook (Windows, macOS, web) and Yahoo — what the newsletter's
 * readers (town halls, state services, partners) open it in.
 */
export const INBOX_CLIENTS = [
  { id: 'gmail.desktop-webmail', label: 'Gmail (web)' },
  { id: 'gmail.ios', label: 'Gmail iOS' },
  { id: 'gmail.android', label: 'Gmail Android' },
  { id: 'gmail.mobile-webmail', label: 'Gmail (web mobile)' },
  { id: 'apple-mail.macos', label: 'Apple Mail macOS' },
  { id: 'apple-mail.ios', label: 'Apple Mail iOS' },
  { id: 'outlook.windows', label: 'Outlook Windows' },
  { id: 'outlook.macos', label: 'Outlook macOS' },
  { id: 'outlook.outlook-com', label: 'Outlook web (outlook.com)' },
  { id: 'yahoo.desktop-webmail', label: 'Yahoo (web)' },
  { id: 'yahoo.ios', label: 'Yahoo iOS' },
  { id: 'yahoo.android', label: 'Yahoo Android' },
] as const;

export type InboxClientId = (typeof INBOX_CLIENTS)[number]['id'];
