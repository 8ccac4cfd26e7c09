/**
 * The tree is the pipeline: each stage may use the ones before it, never one after it.
 * `npm test` runs this (tests/architecture.test.ts); docs/architecture.md tells the journey.
 */
const STAGES = [
  // Below every stage: messages, positions, URLs, dates, diagnostics, paths and files.
  ['foundation', '^src/(i18n|text|diagnostics|io)/|^src/(errors|project)\\.ts$'],
  ['template', '^src/template/'],
  ['issue', '^src/issue/'],
  ['lint', '^src/lint/'],
  ['render', '^src/render/'],
  ['inbox', '^src/inbox/'],
  ['pipeline', '^src/pipeline/'],
  // What the commands do with the pipeline's outputs.
  ['uses', '^src/(publish|preview|scaffold|hooks|handover|check)/'],
  ['commands', '^src/commands/'],
  ['cli', '^src/cli\\.ts$'],
  // Runs the compiled CLI with V8's code cache: Node's own modules only.
  ['launch', '^src/launch(-worker)?\\.ts$'],
];

const laterThan = (index) => STAGES.slice(index + 1).map(([, path]) => `(${path})`).join('|');

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one: neither can be read, tested or loaded without the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'stage-unknown',
      severity: 'error',
      comment: 'Every module of src/ belongs to a stage of the pipeline: add its folder to STAGES.',
      from: { path: '^src/', pathNot: STAGES.map(([, path]) => `(${path})`).join('|') },
      to: {},
    },
    ...STAGES.slice(0, -1).map(([name, path], index) => ({
      name: `${name}-looks-ahead`,
      severity: 'error',
      comment: `The ${name} stage may not import a later stage: move the shared part down, below both.`,
      from: { path },
      to: { path: laterThan(index) },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports tie stages together too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.json$' },
  },
};
