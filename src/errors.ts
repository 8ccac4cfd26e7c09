import type { Diagnostic } from './diagnostics/index.js';
import type { Message } from './i18n/lang.js';

/** A problem with how pvd was called or with a path it cannot read or write: exit code 2. */
export class UsageError extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}

/** A mistake in the template's files (template.yaml, a partial), located there: exit code 2. */
export class TemplateError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message.en);
  }
}
