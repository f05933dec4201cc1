import * as fs from 'fs';
import * as path from 'path';
import { parseDocuments } from './_documents';

/** What the CLI reads from a cdk8s app's `cdk8s.yaml`. */
export interface Cdk8sConfig {
  /** The command that runs the app. */
  readonly app?: string;
  /** The output directory. */
  readonly output?: string;
}

/** `cdk8s.yaml` of the directory, or nothing when there is none. */
export function readCdk8sConfig(cwd: string): Cdk8sConfig {
  const file = path.join(cwd, 'cdk8s.yaml');
  if (!fs.existsSync(file)) {
    return {};
  }
  // Malformed YAML is a UsageError naming the file and line.
  const config: any = parseDocuments(fs.readFileSync(file, 'utf8'), file)[0]?.value;
  return {
    app: typeof config?.app === 'string' ? config.app : undefined,
    output: typeof config?.output === 'string' ? config.output : undefined,
  };
}
