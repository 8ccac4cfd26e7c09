import type { Message } from './i18n/lang.js';

/** A problem with how pvd was called or with a path it cannot read: exit code 2. */
export class UsageError extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}
