import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeProject, runPvd } from './helpers.js';

/** What each mailing tool expects, from its own documentation. */
const TOOLS = {
  brevo: { unsubscribe: '{{ unsubscribe }}', webVersion: '{{ mirror }}', email: '{{ contact.EMAIL }}' },
  mailchimp: { unsubscribe: '*|UNSUB|*', webVersion: '*|ARCHIVE|*', email: '*|EMAIL|*' },
  mailjet: { unsubscribe: '[[UNSUB_LINK_FR]]', webVersion: '[[PERMALINK]]', email: '[[EMAIL_TO]]' },
  listmonk: { unsubscribe: '{{ UnsubscribeURL }}', webVersion: '{{ MessageURL }}', email: '{{ .Subscriber.Email }}' },
  sendy: { unsubscribe: '[unsubscribe]', webVersion: '[webversion]', email: '[Email]' },
  generic: {
    unsubscribe: 'https://agence-cohesion-territoires.gouv.fr/lettre-pvd/desinscription',
    webVersion: 'https://agence-cohesion-territoires.gouv.fr/lettre-pvd/042/',
    email: undefined,
  },
} as const;

type Tool = keyof typeof TOOLS;
const ALL_TAGS: string[] = Object.values(TOOLS).flatMap((tags): (string | undefined)[] => [tags.unsubscribe, tags.webVersion, tags.email]).filter((tag): tag is string => tag !== undefined);

/** The one element `<a href="…">label</a>` of the built HTML, attributes and all. */
function linksTo(html: string, href: string): string[] {
  return [...html.matchAll(/<a\s[^>]*>[\s\S]*?<\/a>/g)].map((match) => match[0]).filter((link) => link.includes(`href="${href}"`));
}

/** Plaintext with wrapped lines joined again (no-break spaces kept). */
const unwrapped = (text: string) => text.replace(/[ \n\u00a0]+/g, ' ');

describe('--target: merge tags in both outputs', () => {
  let root: string;
  const built = new Map<Tool, { html: string; text: string }>();

  beforeAll(() => {
    root = makeProject();
    for (const tool of Object.keys(TOOLS) as Tool[]) {
      const result = runPvd(['build', '42', '--target', tool, '--out-dir', `out-${tool}`], { cwd: root });
      expect(result.code, result.stderr).toBe(0);
      const folder = join(root, `out-${tool}`, '042');
      built.set(tool, { html: readFileSync(join(folder, 'index.html'), 'utf8'), text: readFileSync(join(folder, 'index.txt'), 'utf8') });
    }
  });

  for (const tool of Object.keys(TOOLS) as Tool[]) {
    describe(tool, () => {
      const tags = TOOLS[tool];

      it('links « Se désinscrire » to the unsubscribe tag, unchanged by Handlebars and juice', () => {
        const { html } = built.get(tool)!;
        const links = linksTo(html, tags.unsubscribe);
        expect(links).toHaveLength(1);
        expect(links[0]).toMatch(/>Se désinscrire<\/a>$/);
      });

      it('links « Voir la version en ligne » to the web version tag', () => {
        const links = linksTo(built.get(tool)!.html, tags.webVersion);
        expect(links).toHaveLength(1);
        expect(links[0]).toMatch(/>Voir la version en ligne<\/a>$/);
      });

      it('writes the same tags in the plaintext', () => {
        const text = unwrapped(built.get(tool)!.text);
        expect(text).toContain(`Se désinscrire : ${tags.unsubscribe}`);
        expect(text).toContain(`Voir la version en ligne : ${tags.webVersion}`);
      });

      it(tags.email ? "names the recipient with the tool's email tag" : 'has no recipient tag (plain URLs only)', () => {
        const { html, text } = built.get(tool)!;
        if (tags.email) {
          expect(html).toContain(`Cette lettre a été envoyée à ${tags.email}.</p>`);
          expect(unwrapped(text)).toContain(`Cette lettre a été envoyée à ${tags.email}.`);
        } else {
          expect(html).not.toContain('Cette lettre a été envoyée à');
          expect(text).not.toContain('Cette lettre a été envoyée à');
        }
      });

      it("holds no other tool's tags, and no tag mangled by escaping", () => {
        const { html, text } = built.get(tool)!;
        const own = new Set<string>([tags.unsubscribe, tags.webVersion, tags.email ?? '']);
        for (const tag of ALL_TAGS.filter((candidate) => !own.has(candidate))) {
          // The generic URLs also start the images' addresses: only links count for them.
          expect(html).not.toContain(tag.startsWith('https://') ? `href="${tag}"` : tag);
          expect(text).not.toContain(tag);
        }
        // Handlebars would write &#x3D; or &quot;, juice %7B%7B or {{unsubscribe}}: none of it.
        expect(html).not.toMatch(/%7B%7B|%7C|\{\{[^ ]/);
      });
    });
  }

  it('uses the target of template.yaml when --target is not given', () => {
    const project = makeProject();
    const yamlPath = join(project, 'templates', 'pvd', 'template.yaml');
    writeFileSync(yamlPath, readFileSync(yamlPath, 'utf8').replace(/^target: .*$/m, 'target: mailchimp'));
    const result = runPvd(['build', '42'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(project, 'out', '042', 'index.html'), 'utf8');
    expect(linksTo(html, '*|UNSUB|*')).toHaveLength(1);
    // …and --target still wins over it.
    expect(runPvd(['build', '42', '--target', 'sendy'], { cwd: project }).code).toBe(0);
    expect(linksTo(readFileSync(join(project, 'out', '042', 'index.html'), 'utf8'), '[unsubscribe]')).toHaveLength(1);
  });

  it('refuses an unknown target with a usage error', () => {
    const result = runPvd(['build', '42', '--target', 'sendgrid'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/sendgrid/);
  });
});
