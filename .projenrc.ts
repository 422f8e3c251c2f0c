import { ConstructLibraryCdktf } from 'projen/lib/cdktf';
import { NodePackageManager, NpmAccess, UpdateSnapshot } from 'projen/lib/javascript';

// jsii and TypeScript must share a minor: jsii embeds its own compiler and
// ts-jest / ts-node / eslint use the project's TypeScript. The registry's latest
// TypeScript (7.x) has no compiler API at all, so never let it float.
const TYPESCRIPT_MINOR = '~5.9.0';
const CDKTF_VERSION = '0.21.0';
const CONSTRUCTS_VERSION = '10.4.2';
const NULL_PROVIDER_VERSION = '^11.0.0';

const project = new ConstructLibraryCdktf({
  name: 'cdktf-spectrum',
  description:
    'CDK for Terraform constructs that provision DX NetOps Spectrum SpectroSERVERs in fault-tolerant and distributed landscapes, validated at synth time.',
  author: 'cdktf-spectrum developers',
  authorAddress: 'cdktf-spectrum@users.noreply.github.com',
  repositoryUrl: 'https://github.com/cdktf-spectrum/cdktf-spectrum.git',
  keywords: ['cdktf', 'terraform', 'spectrum', 'dx-netops', 'fault-tolerance', 'monitoring'],
  defaultReleaseBranch: 'main',
  packageManager: NodePackageManager.NPM,
  npmAccess: NpmAccess.PUBLIC,
  projenrcTs: true,
  // Node 20 is what these machines run (cdktn would need 22); @types/node follows it.
  minNodeVersion: '20.0.0',
  license: 'Apache-2.0',

  // Layout of docs/ARCHITECTURE.md: sources in lib/, compiled output in a git-ignored folder.
  srcdir: 'lib',
  libdir: 'out',
  entrypoint: 'out/index.js',
  testdir: 'test',

  cdktfVersion: CDKTF_VERSION,
  constructsVersion: CONSTRUCTS_VERSION,
  jsiiVersion: TYPESCRIPT_MINOR,
  typescriptVersion: TYPESCRIPT_MINOR,

  // Declared jsii targets. Only JavaScript is packaged by the build: Python and
  // Java packaging need PyPI / Maven Central, which this workplace cannot reach.
  publishToPypi: { distName: 'cdktf-spectrum', module: 'cdktf_spectrum' },
  publishToMaven: {
    javaPackage: 'io.github.cdktfspectrum',
    mavenGroupId: 'io.github.cdktf-spectrum',
    mavenArtifactId: 'cdktf-spectrum',
  },

  // Non-jsii runtime dependencies are bundled into the package.
  bundledDeps: ['ajv', 'yaml'],
  devDeps: ['ts-node@^10', 'cdktf-cli@' + CDKTF_VERSION],
  bin: { 'cdktf-spectrum': 'bin/cdktf-spectrum' },

  github: false,
  release: false,
  docgen: true,
  prettier: false,
  eslint: true,
  jestOptions: {
    // Snapshots must be able to fail: never rewrite them during `npm test`.
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      testPathIgnorePatterns: ['/node_modules/', '/out/', '/examples/.*/cdktf.out/'],
      testTimeout: 120_000,
      // One temporary directory per run, removed after it (test/support/temp-root-setup.js).
      globalSetup: '<rootDir>/test/support/temp-root-setup.js',
      globalTeardown: '<rootDir>/test/support/temp-root-teardown.js',
    },
  },
  gitignore: ['examples/**/cdktf.out/', 'examples/**/.gen/', '.terraform/', '*.tfstate*', 'bench/*.cpuprofile', '.e2e-work/'],
});

// The layers of docs/ARCHITECTURE.md, one way only: lint fails on an import
// against the direction, on any import cycle (type-only imports excepted: the
// two landscape constructs name each other's types), and on a cdktf import
// outside the one bridge file (so a port to cdktn is a rename there).
const layer = (name: string) => `./lib/${name}`;
const mayNotImport = (target: string, ...from: string[]) => ({ target: layer(target), from: from.map(layer) });
project.eslint?.addRules({
  'import/no-cycle': ['error'],
  'import/no-restricted-paths': ['error', {
    zones: [
      mayNotImport('model', 'rules', 'plan', 'review', 'policy', 'estate', 'constructs', 'cli'),
      mayNotImport('rules', 'plan', 'review', 'policy', 'estate', 'constructs', 'cli'),
      mayNotImport('plan', 'rules', 'review', 'policy', 'estate', 'constructs', 'cli'),
      mayNotImport('review', 'plan', 'policy', 'estate', 'constructs', 'cli'),
      mayNotImport('policy', 'plan', 'estate', 'constructs', 'cli'),
      mayNotImport('estate', 'plan', 'constructs', 'cli'),
      mayNotImport('constructs', 'cli'),
    ],
  }],
});
project.eslint?.addOverride({
  files: ['lib/**/*.ts'],
  excludedFiles: ['lib/constructs/cdktf-bridge.ts'],
  rules: { 'no-restricted-imports': ['error', { paths: ['cdktf'], patterns: ['@cdktf/*'] }] },
});

project.addPeerDeps(
  `cdktf@${CDKTF_VERSION}`,
  `constructs@^${CONSTRUCTS_VERSION}`,
  `@cdktf/provider-null@${NULL_PROVIDER_VERSION}`,
);
project.addDevDeps(`@cdktf/provider-null@${NULL_PROVIDER_VERSION}`);

// tsconfig.json is part of the documented top level; keep it in git.
project.gitignore.removePatterns('tsconfig.json');

for (const ignored of ['/examples/', '/bench/', '/.ci/', '/test/']) {
  project.addPackageIgnore(ignored);
}

// Package only the JavaScript target, in CI and locally alike (see above).
const packageJs = project.tasks.tryFind('package:js');
if (packageJs) {
  project.packageTask.reset();
  project.packageTask.spawn(packageJs);
}

// ts-jest transpiles test files without type-checking them (isolatedModules):
// type-check the library, tests, examples and benchmarks first, so that a
// drifted test fails the suite instead of running on.
project.testTask.prependExec('tsc --noEmit -p test/tsconfig.json');

// The end-to-end suite deploys the examples onto sandbox hosts (needs root and sshd).
project.addTask('test:e2e', {
  description: 'cdktf deploy of the examples onto sandbox hosts with the Spectrum simulator',
  exec: 'jest --runInBand --testMatch "<rootDir>/test/e2e/**/*.test.ts"',
});
project.addTask('bench:deploy', {
  description: 'Deploy benchmark: cdktf deploy of 1, 4 and 16 landscapes onto sandbox hosts, writes bench/deploy-results.json (root, sshd)',
  exec: 'ts-node -P test/tsconfig.json --transpile-only bench/deploy.ts',
});
project.addTask('bench', {
  description: 'Synthesis / check / graph-depth benchmark, writes bench/results.json',
  exec: 'ts-node -P test/tsconfig.json --transpile-only bench/run.ts',
});

// The README's main job: synthesize the distributed example and check the planned estate.
const demo = project.addTask('demo', {
  description: 'Synthesize examples/distributed and run cdktf-spectrum check on it, with the host values of a var file',
});
demo.spawn(project.compileTask);
demo.exec('npx cdktf synth', { cwd: 'examples/distributed' });
// The hosts are Terraform variables: the var file gives the rules real values to check.
demo.exec('node bin/cdktf-spectrum check examples/distributed/cdktf.out --var-file examples/distributed/demo.tfvars.json');

project.synth();
