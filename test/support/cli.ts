import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';

/** Runs `cdk8s-flink` in-process: exit code and what it wrote. */
export function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(argv, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

/** A new empty temporary directory. */
export function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-cli-'));
}

/** Writes `text` to `dir/name` (creating folders); returns the file's path. */
export function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/**
 * A FlinkDeployment `session` in namespace `flink` as YAML, with the image
 * and Flink version of `flink` (e.g. `2.2`) and the JobManager's and
 * TaskManager's resource lines (`resource: {...}` or `resources: {...}`).
 */
export function sessionDeploymentYaml(flink: string, jobManager: string, taskManager: string): string {
  return `apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: session
  namespace: flink
spec:
  image: flink:${flink}
  flinkVersion: v${flink.replace('.', '_')}
  serviceAccount: flink
  jobManager:
    ${jobManager}
  taskManager:
    ${taskManager}
`;
}

/** A valid session cluster in the 1.15 form (`resource`). */
export const SESSION_DEPLOYMENT = sessionDeploymentYaml('2.2', 'resource: { memory: "2048m", cpu: 1 }', 'resource: { memory: "2048m", cpu: 1 }');

/** A session job for `SESSION_DEPLOYMENT`. */
export const SESSION_JOB = `apiVersion: flink.apache.org/v1beta1
kind: FlinkSessionJob
metadata:
  name: job
  namespace: flink
spec:
  deploymentName: session
  job:
    jarURI: https://repo.example.com/job.jar
    parallelism: 2
`;
