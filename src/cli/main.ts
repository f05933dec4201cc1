#!/usr/bin/env node
import { UsageError } from './_usage-error';

const USAGE = `Usage: cdk8s-flink <command> [options]

Commands:
  validate   validate FlinkDeployment, FlinkSessionJob, FlinkStateSnapshot,
             FlinkBlueGreenDeployment and (spotify operator) FlinkCluster YAML
             files (see validate --help)
  synth      run the cdk8s app and replace the output directory only on success (see synth --help)
  plan       what the Flink Kubernetes Operator will do with a change of the rendered
             manifests: restart, rescale, lose state or nothing (see plan --help)`;

/**
 * The module of one command, loaded when that command runs: a `validate`
 * in a pre-commit hook does not pay for loading `plan` and `synth`.
 */
function loadCommand<T>(module: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(module) as T;
}

/**
 * Runs the CLI and returns its exit code; output goes to the given streams.
 * Never throws: bad input is one line on stderr and exit code 2.
 */
export function runCli(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate': {
        const outcome = loadCommand<typeof import('./validate')>('./validate').validateCommand(rest);
        out(outcome.stdout);
        err(outcome.stderr);
        return outcome.exitCode;
      }
      case 'plan': {
        const outcome = loadCommand<typeof import('./plan')>('./plan').planCommand(rest);
        out(outcome.stdout);
        return outcome.exitCode;
      }
      case 'synth':
        return loadCommand<typeof import('./synth')>('./synth').synthCommand(rest, process.cwd(), out, err).exitCode;
      case '--help':
      case '-h':
      case 'help':
        out(USAGE + '\n');
        return 0;
      default:
        err(`cdk8s-flink: ${command ? `unknown command '${command}'` : 'no command given'}\n${USAGE}\n`);
        return 2;
    }
  } catch (e) {
    const message = e instanceof UsageError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    err(`cdk8s-flink: ${message.split('\n')[0]}\n`);
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
