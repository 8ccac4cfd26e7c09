import type { Diagnostic } from '../index.js';

/** What a formatter prints for one checked file. */
export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
  /** Fixes applied by --fix. */
  fixed?: number;
}
