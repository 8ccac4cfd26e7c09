// juice's own entry (index.js) also loads web-resource-inliner and mime, to fetch remote
// stylesheets pvd never asks for: pvd imports the two parts it uses, which juice's typings do not describe.
declare module 'juice/client' {
  import juice = require('juice');
  export = juice;
}

declare module 'juice/lib/cheerio' {
  // The loaded document, as cheerio's `$`.
  type DocumentQuery = ((selector: unknown, ...rest: unknown[]) => unknown) & { root(): { toArray(): import('domhandler').AnyNode[] } };
  /** Loads the HTML with `{{ … }}` blocks set aside, runs `callback` on the document, and serialises what it returns. */
  function juiceCheerio(html: string, options: { xmlMode: boolean }, callback: ($: DocumentQuery) => DocumentQuery, extra: unknown[]): string;
  export = juiceCheerio;
}

declare module 'juice/lib/utils' {
  // What juice's inlining calls through this module's exports (lib/inline.js), one CSS text at a time.
  type Declarations = { type: string; name?: string; value?: string; position?: unknown }[];
  const utils: {
    parseCSS(css: string): [selector: string, declarations: Declarations][];
    getPreservedText(css: string, options: object, ignoredPseudos: string[]): string | false;
  };
  export = utils;
}
