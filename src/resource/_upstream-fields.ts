import type { FlinkResourceKind } from '../manifest/_fields';

/**
 * The operator's admission rules whose message is about one field that a
 * construct prop sets: the message pattern, the prop as the user writes it,
 * and the operator field (`$1` is the pattern's first group).
 */
const RULES: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/^Job parallelism must be larger than 0$/, 'job.parallelism', 'spec.job.parallelism'],
  [/^jarURI /, 'job.jarUri', 'spec.job.jarURI'],
  [/^JobManager resource memory must be defined/, 'jobManager.memory', 'spec.jobManager.resource.memory'],
  [/^TaskManager resource memory must be defined/, 'taskManager.memory', 'spec.taskManager.resource.memory'],
  [/^JobManager resource requirements /, 'jobManager.resources', 'spec.jobManager.resources'],
  [/^TaskManager resource requirements /, 'taskManager.resources', 'spec.taskManager.resources'],
  [/^(JobManager replicas should not be configured less than one|High availability should be enabled when starting standby JobManagers)\.$/,
    'jobManager.replicas', 'spec.jobManager.replicas'],
  [/^TaskManager replicas (must be larger than 0|should not be configured less than one\.)$/, 'taskManager.replicas', 'spec.taskManager.replicas'],
  [/^Forbidden Flink config key: (\S+)$/, 'flinkConfiguration.$1', 'spec.flinkConfiguration.$1'],
  [/^The FlinkDeployment name: \S* is invalid/, 'name', 'metadata.name'],
];

/**
 * A pipeline message of a construct's resource with the prop and the
 * operator field it is about (`job.parallelism (spec.job.parallelism): Job
 * parallelism must be larger than 0`) when an upstream rule about one prop
 * fired; any other message unchanged. The rules of a blue/green deployment
 * apply to its template.
 */
export function withUpstreamField(kind: FlinkResourceKind, message: string): string {
  if (kind === 'FlinkStateSnapshot') {
    return message;
  }
  for (const [pattern, prop, field] of RULES) {
    const match = pattern.exec(message);
    if (match) {
      const wire = field.replace('$1', match[1] ?? '');
      const at = kind === 'FlinkBlueGreenDeployment' && wire.startsWith('spec.') ? `spec.template.${wire}` : wire;
      return `${prop.replace('$1', match[1] ?? '')} (${at}): ${message}`;
    }
  }
  return message;
}
