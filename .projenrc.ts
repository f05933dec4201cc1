import { cdk8s, javascript } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-flink',
  description: 'Apache Flink on Kubernetes as cdk8s constructs: FlinkDeployment, FlinkSessionJob and the Flink Kubernetes Operator, validated at synth time.',
  author: 'cdk8s-flink maintainers',
  authorAddress: 'maintainers@cdk8s-flink.dev',
  repositoryUrl: 'https://github.com/cdk8s-flink/cdk8s-flink.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  cdk8sVersion: '2.70.0',
  constructsVersion: '10.3.0',
  jsiiVersion: '~6.0.0',
  minNodeVersion: '20.0.0',
  keywords: ['cdk8s', 'flink', 'apache-flink', 'kubernetes', 'flink-kubernetes-operator', 'argocd'],
  stability: 'experimental',

  peerDeps: ['cdk8s-plus-27@^2.9.5'],
  // Runtime dependencies that are not jsii modules are bundled into the package.
  // ajv validates FlinkCluster documents against the vendored CRD schema;
  // js-yaml parses the CLI's input (the fastest parser that reads it correctly), yaml writes YAML.
  bundledDeps: ['yaml@^2.8.0', 'ajv@^8.17.1', 'js-yaml@^5.5.0'],
  devDeps: [
    'cdk8s-cli@^2.200.0', 'tsx@^4.20.0', 'fengari@^0.1.5',
    // JSON schemas of the Kubernetes 1.27 types and cert-manager, for the schema tests.
    'kubernetes-models@4.3.1', '@kubernetes-models/cert-manager@4.4.4',
    // Property-based tests of the public props and the CLI.
    'fast-check@^4.3.0',
    // The module graph of src/ (no cycles, private modules kept to their folder), checked by a test.
    'dependency-cruiser@^17.4.3',
  ],

  // Python, Java and Go packages, built locally by `npm run package-all` into dist/ (jsii-pacmak) and
  // checked by `npm run test:bindings`. Nothing is published: `release: false` below adds no publishing steps.
  publishToPypi: { distName: 'cdk8s-flink', module: 'cdk8s_flink' },
  // Maven Central grants a group only to the owner of its namespace: a reverse domain name, or
  // `io.github.<account>` for the GitHub account that hosts the repository (github.com/cdk8s-flink).
  // The repository's account is the namespace this project provably controls; `org.cdk8s` belongs to
  // cdk8s itself. Java package names cannot contain '-', so the package drops it.
  publishToMaven: { mavenGroupId: 'io.github.cdk8s-flink', mavenArtifactId: 'cdk8s-flink', javaPackage: 'io.github.cdk8sflink' },
  // A jsii Go module lives in a repository of its own (as cdk8s-core-go and cdk8s-plus-go do).
  publishToGo: { moduleName: 'github.com/cdk8s-flink/cdk8s-flink-go', packageName: 'cdk8sflink' },

  // Release automation is not part of this repository's workflow.
  release: false,
  github: false,
  depsUpgrade: false,
  pullRequestTemplate: false,

  jestOptions: {
    // A broken snapshot must fail the build; new snapshots are written with `npx projen test:update`.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    // The per-file coverage table goes to coverage/coverage.txt, keeping the test log readable.
    coverageText: false,
    jestConfig: {
      testPathIgnorePatterns: ['/node_modules/', '/examples/.*/dist/'],
      coveragePathIgnorePatterns: ['/node_modules/', '/src/imports/'],
      coverageReporters: ['json', 'lcov', 'clover', 'cobertura', ['text', { file: 'coverage.txt' }] as any, 'text-summary'],
    },
  },
  eslintOptions: {
    dirs: ['src'],
    // `npm test` only reports lint errors, it never rewrites sources (`npx projen eslint --fix` does).
    commandOptions: { fix: false },
    // The key history is generated (conformance/flink-config/generate.ts) and compared byte for byte.
    ignorePatterns: ['src/imports/', 'examples/**/dist/', 'src/jvm/*.generated.ts'],
  },
  gitignore: ['examples/**/dist/', '.bench/', '.test-synth-*/', 'conformance/*/target/'],
  // The vendored CRD YAMLs (imports/) ship as the JSON the build prepares from them (lib/crds/); the
  // operator chart's configuration files ship as they are (assets/apache-flink-kubernetes-operator-chart/).
  // API.md stays in the repository: package documentation is generated from .jsii, which ships.
  npmIgnoreOptions: { ignorePatterns: ['/examples/', '/.ci/', '/scripts/', '/imports/', '/conformance/', '/API.md'] },
  // The package ships JavaScript without inline source maps and sources (they doubled lib/ and its load time).
  tsconfig: { compilerOptions: { inlineSourceMap: false, inlineSources: false } },
});

// lib/imports/ holds the generated L1 classes, which only the tests use. Added after the
// project is built: the project's own `!/lib/` include would otherwise drop the pattern.
project.npmignore!.exclude('/lib/imports/');

// Build step: the vendored CRDs of every folder under imports/ become JSON in lib/crds/,
// so FlinkOperator and the FlinkCluster schema read JSON instead of parsing YAML at synth.
const crds = project.addTask('crds', {
  description: 'Prepare the vendored CRDs of every folder under imports/ as JSON in lib/crds/',
  exec: 'node scripts/build-crds.js imports lib/crds',
});
project.preCompileTask.spawn(crds);

// Build step: the bundled dependencies ship without what never runs (source maps, TypeScript
// sources, test folders). npm packs a bundled dependency by its own package.json `files` only,
// so the project's .npmignore cannot leave these out: they are removed from node_modules/.
const pruneBundled = project.addTask('prune-bundled-deps', {
  description: 'Remove source maps, TypeScript sources and test folders of the bundled dependencies from node_modules/',
  exec: 'node scripts/prune-bundled-deps.js',
});
project.preCompileTask.spawn(pruneBundled);

// `npm ci` fails on a fresh clone without this pin: the lock file otherwise misses
// the native resolver package for this platform.
project.package.addPackageResolutions('unrs-resolver@1.12.2');

// `cdk8s-flink validate`: the synth-time validators for hand-written YAML in CI.
project.addBins({ 'cdk8s-flink': 'lib/cli/main.js' });

// Regenerates the internal L1 classes from the vendored CRDs. The four CRDs of
// one group must be imported together: one import per file would overwrite the module.
// The newest operator release's CRDs are used: they declare every field of the older ones.
// The spotify operator's FlinkCluster CRD is one file of its own group (flinkoperator.k8s.io).
project.addTask('import', {
  description: 'Regenerate src/imports/ and src/hooks/manifest-types.ts from the vendored CRDs in imports/',
  env: { CDK8S_CHECK_UPGRADE: 'false' },
  steps: [
    { exec: 'node scripts/concat-crds.js imports/apache-flink-kubernetes-operator/1.16.1 .imports-tmp/flink.apache.org.yaml' },
    { exec: 'cdk8s import .imports-tmp/flink.apache.org.yaml --output src/imports --language typescript' },
    { exec: 'rm -rf .imports-tmp' },
    { exec: 'cdk8s import imports/spotify-flink-on-k8s-operator/flinkoperator.k8s.io_flinkclusters.yaml --output src/imports --language typescript' },
    // The public wire-format types of the hook manifests (src/hooks/manifest-types.ts); a test checks they are current.
    { exec: 'node scripts/generate-manifest-types.js' },
  ],
});

// Renders every example app (examples/<name>/cdk8s.yaml) into examples/<name>/dist.
project.addTask('synth', {
  description: 'Render every example app into examples/<name>/dist',
  env: { CDK8S_CHECK_UPGRADE: 'false' },
  exec: 'node scripts/synth-examples.js',
});

// `npm run bench`: synth cost against raw cdk8s, scaling, memory, CLI throughput (not part of `npm test`).
project.addTask('bench', {
  description: 'Benchmark synth cost, scaling, peak memory and cdk8s-flink validate throughput',
  env: { CDK8S_CHECK_UPGRADE: 'false' },
  steps: [{ spawn: 'pre-compile' }, { spawn: 'compile' }, { exec: 'node scripts/bench.js' }],
});

// `npm run fuzz`: property-based tests of the public props with 10,000 cases (not part of `npm test`).
project.addTask('fuzz', {
  description: 'Property-based tests of the public props with 10,000 cases (not part of npm test)',
  env: { CDK8S_CHECK_UPGRADE: 'false', FUZZ_RUNS: '10000' },
  exec: 'node scripts/fuzz.js',
});

// `npm run test:cluster`: a real kube-apiserver (built once from the k8s.io/kubernetes Go module into
// ~/.cache/cdk8s-flink/test-cluster/) and etcd; every rendered object is server-side applied (not part of `npm test`).
project.addTask('test:cluster', {
  description: 'Server-side apply every rendered object to a real kube-apiserver and etcd on 127.0.0.1 (needs Go and etcd; run `npm run synth` first)',
  env: { CDK8S_CHECK_UPGRADE: 'false' },
  exec: 'tsx test/cluster/main.ts',
});

// `npm run test:conformance:spotify`: the library's FlinkCluster defaulting and
// validation against the spotify operator's real webhook code (needs Go and the
// Go module proxy on a first run; not part of `npm test`).
project.addTask('test:conformance:spotify', {
  description: 'FlinkCluster defaulting and validation against the spotify operator\'s webhook (needs Go)',
  env: { CDK8S_CHECK_UPGRADE: 'false' },
  exec: 'ts-node --transpile-only --project test/tsconfig.json test/conformance/spotify/main.ts',
});

// Conformance against the Apache operator's own classes (conformance/): needs a JDK 17, Maven and Maven
// Central on the first run (then ~/.m2). Not part of `npm test`, which must pass without a JDK.
project.addTask('test:conformance:operator', {
  description: 'Compare the library with the Apache operator\'s DefaultValidator and the JDK, Quartz and Flink classes it re-implements',
  env: { CDK8S_CHECK_UPGRADE: 'false' },
  steps: [
    { exec: 'tsc --noEmit -p conformance' },
    { exec: 'tsx conformance/apache-operator/run.ts --deployments 5000 --strings 10000' },
  ],
});
project.addTask('fuzz:conformance', {
  description: 'The conformance comparison with 100,000 generated resources',
  env: { CDK8S_CHECK_UPGRADE: 'false' },
  steps: [
    { exec: 'tsc --noEmit -p conformance' },
    { exec: 'tsx conformance/apache-operator/run.ts --deployments 62500 --strings 10000 --seed 1515' },
  ],
});

// `npm run test:conformance:plan`: the plan's diff classification against the operator's own
// ReflectiveDiffBuilder (JDK 17 + Maven; not part of `npm test`). PLAN_RUNS=N for more cases.
project.addTask('test:conformance:plan', {
  description: 'Differential test of the plan classification against the operator ReflectiveDiffBuilder (5,000 generated spec changes; needs a JDK and Maven)',
  exec: 'tsx conformance/apache-operator/plan-differential.ts',
});

// `npm run test:conformance:chart`: FlinkOperator with default props against the operator's Helm chart
// rendered by the Helm SDK (conformance/helm-chart, a Go program; needs Go and the Go module proxy on a
// first run, then the cache in ~/.cache/cdk8s-flink/helm-chart-oracle). Not part of `npm test`.
project.addTask('test:conformance:chart', {
  description: 'Compare FlinkOperator\'s objects with the operator\'s Helm chart rendered with default values by the Helm SDK at 1.15.0 and 1.16 (needs Go)',
  env: { CDK8S_CHECK_UPGRADE: 'false' },
  steps: [
    { exec: 'tsc --noEmit -p conformance' },
    { exec: 'tsx conformance/helm-chart/run.ts' },
  ],
});

// `npm run test:conformance`: every differential suite against real upstream code, one after the other.
project.addTask('test:conformance', {
  description: 'Every conformance suite: the Apache operator\'s validator and spec diff and flink-core\'s options (JDK 17 + Maven), its Helm chart and the spotify operator (Go)',
  steps: [
    { spawn: 'test:conformance:operator' },
    { spawn: 'test:conformance:plan' },
    { spawn: 'test:flink-config' },
    { spawn: 'test:conformance:chart' },
    { spawn: 'test:conformance:spotify' },
  ],
});

// `npm run test:flink-config`: the typed Flink settings read back through flink-core's own
// ConfigOptions, one JVM per supported Flink line (needs a JDK and Maven; Maven Central on the
// first run, the class paths are cached in ~/.cache/cdk8s-flink). Not part of `npm test`.
project.addTask('test:flink-config', {
  description: 'Typed Flink settings read back by flink-core 1.19 to 2.3 (needs JDK, Maven)',
  exec: 'tsx conformance/flink-config/run.ts',
});
project.addTask('generate:flink-key-history', {
  description: 'Regenerate src/jvm/_flink-key-history.generated.ts from flink-core 1.19 to 2.3 (needs JDK, Maven)',
  exec: 'tsx conformance/flink-config/generate.ts',
});

// jsii-pacmak builds the Java and Go packages against their dependencies' packages. Two of them are not
// served by the registries here: Maven Central has no org.cdk8s:cdk8s-plus-27 (its newest cdk8s-plus there
// is cdk8s-plus-25), and the Go module proxy refuses github.com/cdk8s-team/* (403). jsii-pacmak generates
// both from the npm packages they are published from (the same .jsii and JavaScript) into dist/, where it
// finds them as local builds: dist/java is a Maven file repository, dist/go/<package> a Go module each.
// Java builds use ~/.m2 (pacmak's default is an empty repository per build, downloaded again every time).
const missing = (file: string) => `node -e "process.exit(require('fs').existsSync('${file}') ? 1 : 0)"`;
const maven = '--maven-local-repository "$HOME/.m2/repository"';
// The cdk8s-plus-27 jar is only built against, never shipped: no javadoc and sources jars (half its build time).
project.tasks.tryFind('package:java')!.reset(`jsii-pacmak -v --target java --outdir dist ${maven} node_modules/cdk8s-plus-27`, {
  condition: missing('dist/java/org/cdk8s/cdk8s-plus-27'),
  env: { MAVEN_OPTS: '-Dmaven.javadoc.skip=true -Dmaven.source.skip=true' },
});
project.tasks.tryFind('package:java')!.exec(`jsii-pacmak -v --target java ${maven}`);
project.tasks.tryFind('package:go')!.reset('jsii-pacmak -v --target go --outdir dist node_modules/cdk8s node_modules/cdk8s-plus-27', {
  condition: missing('dist/go/cdk8splus27/go.mod'),
});
project.tasks.tryFind('package:go')!.exec('jsii-pacmak -v --target go');

// `npm run test:bindings`: the Python, Java and Go packages in scratch projects outside the repository
// (a virtualenv with PyPI, a Maven project with Maven Central, a Go module with the module proxy): the README
// quick start renders the TypeScript quick start's YAML byte for byte, and hooks written in each language
// run at synth. Builds the packages first when dist/ lacks them (needs Python 3, JDK 17 + Maven, Go; not
// part of `npm test`).
project.addTask('test:bindings', {
  description: 'Python, Java and Go packages: README quick start and hooks in each language (needs Python, JDK + Maven, Go)',
  env: { CDK8S_CHECK_UPGRADE: 'false' },
  exec: 'tsx test/bindings/main.ts',
});

// `npm test` builds as well (CRDs, jsii compile, then API.md) before jest, so the
// README's single test command proves the package builds and API.md is current.
project.testTask.prependSpawn(project.tasks.tryFind('post-compile')!);
project.testTask.prependSpawn(project.compileTask);
project.testTask.prependSpawn(project.preCompileTask);

project.synth();
