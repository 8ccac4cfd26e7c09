import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeProject, REPO, runPvd } from './helpers.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  id?: string;
}
interface GitHubWorkflow {
  on: { push: { branches: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { needs?: string; 'runs-on': string; steps: Step[]; environment?: { name: string } }>;
}
interface GitLabCi {
  pages: { image: string; script: string[]; artifacts: { paths: string[] }; rules: { if: string }[] };
}

/** The README's set-up, the first command it tells a newcomer to type. */
const SET_UP = 'npm install';

const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
const github = parse(readFileSync(join(REPO, '.github', 'workflows', 'publier.yml'), 'utf8')) as GitHubWorkflow;
const gitlab = parse(readFileSync(join(REPO, '.gitlab-ci.yml'), 'utf8')) as GitLabCi;

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Runs a recipe's `npx pvd …` line in a repository copy, as the forge's runner would after `npm install`. */
function runRecipeLine(line: string): { root: string; code: number | null; stderr: string } {
  expect(line).toMatch(/^npx pvd /);
  const root = makeProject();
  roots.push(root);
  const result = runPvd(line.replace(/^npx pvd /, '').split(' '), { cwd: root });
  return { root, code: result.code, stderr: result.stderr };
}

const siteFiles = (folder: string) => readdirSync(folder, { recursive: true }).map(String).filter((file) => !file.startsWith('.')).sort();

describe('the GitHub Pages recipe (.github/workflows/publier.yml)', () => {
  it('runs on every push to main, with the rights Pages needs', () => {
    expect(readme).toContain(SET_UP);
    expect(github.on.push.branches).toEqual(['main']);
    expect(github.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(Object.keys(github.jobs)).toEqual(['publier', 'deployer', 'verifier']);
  });

  it('runs the set-up and npx pvd publish into the folder it uploads, then deploys it', () => {
    const steps = github.jobs.publier!.steps;
    expect(steps.map((step) => step.uses ?? step.run)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', SET_UP, 'npx pvd publish --to _site --no-check', 'actions/upload-pages-artifact@v3']);
    expect(steps[4]!.with).toEqual({ path: '_site' });
    expect(github.jobs.deployer).toMatchObject({ needs: 'publier', environment: { name: 'github-pages' }, steps: [{ id: 'deploiement', uses: 'actions/deploy-pages@v4' }] });
  });

  it('checks online once deployed, with the same set-up and command', () => {
    expect(github.jobs.verifier!.needs).toBe('deployer');
    expect(github.jobs.verifier!.steps.map((step) => step.uses ?? step.run)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', SET_UP, 'npx pvd publish --to _site']);
  });

  it('its command writes the whole site into the folder the upload step takes', () => {
    const { root, code, stderr } = runRecipeLine(github.jobs.publier!.steps[3]!.run!);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const uploaded = join(root, github.jobs.publier!.steps[4]!.with!.path as string);
    expect(siteFiles(uploaded)).toEqual(expect.arrayContaining(['index.html', '042', '042/index.html', '042/images/attigny.jpg', '042/images/logo-pvd.png']));
  });
});

describe('the GitLab Pages recipe (.gitlab-ci.yml)', () => {
  it('is a pages job on the default branch, publishing public/', () => {
    expect(Object.keys(gitlab)).toEqual(['pages']);
    expect(gitlab.pages.script).toEqual([SET_UP, 'npx pvd publish --to public --no-check']);
    expect(gitlab.pages.artifacts).toEqual({ paths: ['public'] });
    expect(gitlab.pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(gitlab.pages.image).toMatch(/^node:(2[2-9]|[3-9]\d)$/);
  });

  it('its command writes the whole site into public/', () => {
    const { root, code, stderr } = runRecipeLine(gitlab.pages.script[1]!);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(siteFiles(join(root, gitlab.pages.artifacts.paths[0]!))).toEqual(expect.arrayContaining(['index.html', '042/index.html', '042/images/toul.jpg']));
  });
});
