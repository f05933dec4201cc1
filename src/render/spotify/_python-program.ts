/**
 * PyFlink jobs in the operator's `spec.job`: Flink's `PythonDriver` as the
 * entry class, the program and its options in `args`
 * (`['-py', 'job.py', ...userArgs]` or `['-pym', 'module', ...]`). The
 * driver reads its options as `flink run` does (commons-cli, stopping at
 * the first argument that is not one of them); the rest are the program's
 * arguments.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/cli/#submitting-pyflink-jobs
 */

/** The driver's options: short and long name, and where the value goes. */
const OPTIONS: ReadonlyArray<readonly [string, string, string]> = [
  ['py', 'python', 'pyFile'],
  ['pym', 'pyModule', 'pyModule'],
  ['pyfs', 'pyFiles', 'pyFiles'],
  // Options that stand for a configuration key: Flink sets the key from them.
  ['pyarch', 'pyArchives', 'python.archives'],
  ['pyexec', 'pyExecutable', 'python.executable'],
  ['pyclientexec', 'pyClientExecutable', 'python.client.executable'],
  ['pyreq', 'pyRequirements', 'python.requirements'],
  ['pypath', 'pyPythonPath', 'python.pythonpath'],
];

/** A PyFlink program read from the driver's arguments. */
export interface PythonProgram {
  readonly pyFile?: string;
  readonly pyModule?: string;
  /** `-pyfs`, if given. */
  readonly pyFiles?: string;
  /** The configuration the other options stand for (`-pyexec` → `python.executable`, ...). */
  readonly configuration: Record<string, string>;
  /** The program's own arguments. */
  readonly args: string[];
}

/** Reads the driver's options from the front of its arguments (a later value of an option wins, as in commons-cli). */
export function pythonProgram(args: readonly string[]): PythonProgram {
  const values: Record<string, string> = {};
  let i = 0;
  while (i < args.length) {
    const parsed = option(args[i]);
    if (parsed === undefined) {
      break;
    }
    const value = parsed.inlineValue ?? args[i + 1];
    if (value === undefined) {
      break;
    }
    values[parsed.target] = value;
    i += parsed.inlineValue === undefined ? 2 : 1;
  }
  const { pyFile, pyModule, pyFiles, ...configuration } = values;
  return { pyFile, pyModule, pyFiles, configuration, args: args.slice(i) };
}

function option(arg: string): { target: string; inlineValue?: string } | undefined {
  for (const [short, long, target] of OPTIONS) {
    if (arg === `-${short}` || arg === `--${long}`) {
      return { target };
    }
    if (arg.startsWith(`--${long}=`)) {
      return { target, inlineValue: arg.substring(long.length + 3) };
    }
  }
  return undefined;
}
