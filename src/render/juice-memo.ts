import juiceUtils from 'juice/lib/utils';

/** Texts remembered per function and thread: the template's CSS and its elements' style attributes are a few hundred. */
const MEMO_LIMIT = 2000;

let remembering = false;

/**
 * juice parses the same CSS anew for every issue: the template's styles.css twice (once for the
 * rules it inlines, once for what stays in <style>), and the style attribute of every element the
 * template writes. The same text parses the same, and juice only reads what it gets back, so each
 * text is parsed once per thread (`build --all` of 121 issues: one parse of styles.css, not 242).
 * juice calls both through its utils module's exports, which are replaced here, once.
 */
export function rememberJuiceParses(): void {
  if (remembering) return;
  remembering = true;
  // Both call the module's other exports through `this`: bound to it.
  juiceUtils.parseCSS = memoBy((css) => css, juiceUtils.parseCSS.bind(juiceUtils));
  // getPreservedText's options are pvd's JUICE_OPTIONS, the same for every issue: in the key all the same.
  juiceUtils.getPreservedText = memoBy((css, options, ignoredPseudos) => `${JSON.stringify(options)}\0${ignoredPseudos.join(' ')}\0${css}`, juiceUtils.getPreservedText.bind(juiceUtils));
}

/** `compute`, answering again from memory for arguments of the same key. */
export function memoBy<Args extends unknown[], Value>(keyOf: (...args: Args) => string, compute: (...args: Args) => Value): (...args: Args) => Value {
  const known = new Map<string, Value>();
  return (...args) => {
    const key = keyOf(...args);
    if (known.has(key)) return known.get(key)!;
    // A bound, not an eviction policy: past it (issues with many styles of their own), start over.
    if (known.size >= MEMO_LIMIT) known.clear();
    const value = compute(...args);
    known.set(key, value);
    return value;
  };
}
