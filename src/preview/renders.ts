import { openSession } from '../pipeline/session.js';
import type { IssueFile, Project } from '../project.js';
import { compileTemplate } from '../render/index.js';
import type { TargetName } from '../template/model.js';
import type { AssetFile } from './assets.js';
import { renderTarget, type OpenedTemplate, type PreviewSnapshot, type RenderImages, type ShownEmail } from './snapshot.js';

/** One target as the server holds it: its snapshot, and the images of the email it shows. */
export interface TargetRender {
  snapshot: PreviewSnapshot;
  images?: RenderImages;
}

/** The renders of one issue, one per mailing tool asked for, each made on first demand after a change. */
export interface PreviewRenders {
  /** `target:` of template.yaml, as the last change left it. */
  defaultTarget(): TargetName;
  get(target: TargetName): TargetRender;
  /** The files changed: every render is made again on its next demand. The last good ones are kept. */
  invalidate(): void;
  /** The picture behind a URL path of an email shown now. */
  asset(path: string): AssetFile | undefined;
  /** The issue's addresses at publicBaseUrl, from the email shown for the default target. */
  onlineUrls(): string[] | undefined;
}

export function createRenders(project: Project, ref: IssueFile, now: () => number = Date.now): PreviewRenders {
  let opened: OpenedTemplate | undefined;
  // Until template.yaml has been read once; then the last value it gave, even while it is broken.
  let defaultTarget: TargetName = 'generic';
  const current = new Map<TargetName, TargetRender>();
  const lastGood = new Map<TargetName, { email: ShownEmail; images: RenderImages }>();

  const openTemplate = (): OpenedTemplate => {
    if (opened) return opened;
    try {
      const session = openSession(project);
      opened = { ok: true, session, compiled: compileTemplate(session.template) };
      defaultTarget = session.template.config.target;
    } catch (error) {
      opened = { ok: false, error };
    }
    return opened;
  };

  const render = (target: TargetName): TargetRender => {
    const fresh = renderTarget({ project, ref, target, defaultTarget }, openTemplate());
    if (!fresh.shown) {
      // An error no longer blanks the email: the last version without one stays, marked as such (no `copy`).
      const good = lastGood.get(target);
      return good ? { snapshot: { ...fresh.snapshot, email: good.email }, images: good.images } : { snapshot: fresh.snapshot };
    }
    const { html, text, ...images } = fresh.shown;
    const previous = lastGood.get(target)?.email;
    // A save that changes nothing shown keeps its time, so an identical snapshot is not sent again.
    const at = previous && previous.html === html && previous.text === text ? previous.at : now();
    const email = { html, text, at };
    lastGood.set(target, { email, images });
    return { snapshot: { ...fresh.snapshot, email }, images };
  };

  const renders: PreviewRenders = {
    defaultTarget() {
      openTemplate();
      return defaultTarget;
    },
    get(target) {
      openTemplate();
      let made = current.get(target);
      if (!made) current.set(target, (made = render(target)));
      return made;
    },
    invalidate() {
      opened = undefined;
      current.clear();
    },
    asset(path) {
      // The pictures are the same for every tool: the default one's render is made if no page asked for one yet.
      renders.get(renders.defaultTarget());
      for (const made of current.values()) {
        const asset = made.images?.assets.get(path);
        if (asset) return asset;
      }
      return undefined;
    },
    onlineUrls() {
      return renders.get(renders.defaultTarget()).images?.onlineUrls;
    },
  };
  return renders;
}
