/**
 * Architecture rules, checked by `npm run lint` (`depcruise src projections contracts scripts examples test`).
 * A violation fails the lint step and so `npm test` and CI.
 *
 * Paths are relative to the repository root. Type-only imports count like any other: a rule
 * about who may know about whom holds for types too. npm packages and node: built-ins are
 * never restricted here; only the project's own folders are.
 */

/** The project's own code. */
const OWN = '^(src|projections|contracts|scripts|examples|test)/';
/** Infrastructure adapters, each its own folder; the ports beside them are not adapters. */
const ADAPTERS = '^(src/event-store/(?:embedded|eventstoredb)/|src/read-store/(?:embedded|mongo)/|src/bus/(?:kafka|in-process)/|src/llm/openai/|src/storage/local/)';
/** Feature slices of the API. */
const SLICES = '^src/(users|profiles|jobs|privacy|generations|documents|admin|applications|notifications|job-search|job-sources)/';
/** The composition root: the only files of src/ that wire projections into the app (src/composition/ holds its helpers). */
const COMPOSITION_ROOT = ['^src/(container|app-process|main)\\.ts$', '^src/composition/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Rule 1. No import cycles anywhere: a cycle makes load order matter and hides layering.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'contracts-self-contained',
      comment: 'Rule 2. contracts/ is what other services read: it depends on nothing of ours outside contracts/.',
      severity: 'error',
      from: { path: '^contracts/' },
      to: { path: OWN, pathNot: '^contracts/' },
    },
    {
      name: 'projections-depend-on-contracts-and-keywords',
      comment: 'Rule 3. projections/ are pure folds over contract events: they use contracts/ and the keyword engine only.',
      severity: 'error',
      from: { path: '^projections/' },
      to: { path: OWN, pathNot: '^(projections|contracts|src/keywords)/' },
    },
    {
      name: 'projections-only-from-composition-root',
      comment: 'Rule 4. Only the composition root (src/container.ts, src/app-process.ts, src/main.ts, src/composition/), tests and scripts import projections/.',
      severity: 'error',
      from: { pathNot: [...COMPOSITION_ROOT, '^(projections|test|scripts)/'] },
      to: { path: '^projections/' },
    },
    {
      name: 'keywords-engine-standalone',
      comment: 'Rule 5. The keyword engine (src/keywords/) uses contracts/ and itself only, so projections can share it.',
      severity: 'error',
      from: { path: '^src/keywords/' },
      to: { path: OWN, pathNot: '^(src/keywords|contracts)/' },
    },
    {
      name: 'writing-and-scoring-engines-standalone',
      comment: 'The writer (src/writing/) and the scorer (src/scoring/) are pure engines: contracts/, the keyword engine and themselves only; neither knows the other.',
      severity: 'error',
      from: { path: '^src/(writing|scoring)/' },
      to: { path: OWN, pathNot: ['^src/$1/', '^src/keywords/', '^contracts/'] },
    },
    {
      name: 'rendering-engine-standalone',
      comment: 'The rendering engine (src/rendering/) is pure: one document model to every export format, from contracts/ and itself only.',
      severity: 'error',
      from: { path: '^src/rendering/' },
      to: { path: OWN, pathNot: ['^src/rendering/', '^contracts/'] },
    },
    {
      name: 'keywords-engine-through-its-index',
      comment: 'The keyword engine has one small API, src/keywords/index.ts; only its own unit tests reach inside.',
      severity: 'error',
      from: { pathNot: ['^src/keywords/', '^test/unit/keywords/'] },
      to: { path: '^src/keywords/.+/' },
    },
    {
      name: 'adapters-only-from-adapters-ts',
      comment: 'Rule 6. Adapters are chosen in src/adapters.ts; the rest of src/ sees only the ports. Tests and scripts may use them.',
      severity: 'error',
      from: { pathNot: ['^src/adapters\\.ts$', '^(test|scripts)/', ADAPTERS] },
      to: { path: ADAPTERS },
    },
    {
      name: 'adapters-independent',
      comment: 'Rule 6, between adapters: an adapter imports its own folder and the ports, never another adapter.',
      severity: 'error',
      from: { path: ADAPTERS },
      to: { path: ADAPTERS, pathNot: '^$1' },
    },
    {
      name: 'slices-independent',
      comment: 'Rule 7. The feature slices (SLICES) do not import each other; what they share lives in src/shared/ or contracts/, and the composition root wires them.',
      severity: 'error',
      from: { path: SLICES },
      to: { path: SLICES, pathNot: '^src/$1/' },
    },
    {
      name: 'http-imports-no-slice',
      comment: 'Rule 7. src/http/ is the web platform the slices plug into: slices import http, never the other way round.',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: SLICES },
    },
    {
      name: 'src-imports-no-test-or-scripts',
      comment: 'Rule 7. Shipped code never imports tests or tooling.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|scripts)/' },
    },
    {
      name: 'examples-see-only-contracts',
      comment: 'examples/ are programs another team could write: they know the published contracts/, nothing inside the service.',
      severity: 'error',
      from: { path: '^examples/' },
      to: { path: OWN, pathNot: '^(examples|contracts)/' },
    },
    {
      name: 'nothing-imports-examples',
      comment: 'Only tests import examples/: the service never depends on a consumer of its topics.',
      severity: 'error',
      from: { path: OWN, pathNot: '^(examples|test)/' },
      to: { path: '^examples/' },
    },
    {
      name: 'shared-imports-no-slice-http-or-adapter',
      comment: 'Rule 8. src/shared/ sits below everything in src/: no slice, no src/http/, no adapter.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: [SLICES, '^src/http/', ADAPTERS] },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '^(dist|coverage|\\.tools|\\.infra|\\.gen|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.d.ts', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
