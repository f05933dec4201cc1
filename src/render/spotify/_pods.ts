/**
 * The pod templates of a FlinkDeployment manifest, as the FlinkCluster's
 * pods get them: the JobManager's and TaskManager's are the deployment's
 * `podTemplate` with the process's own merged over it, as the Flink
 * Kubernetes Operator merges them. The job submitter runs the job's `main`
 * (as the JobManager does under the Flink Kubernetes Operator), so it gets
 * the JobManager's pod settings: the volume and init containers that
 * provide the job jar, the security context.
 *
 * Environment, image pull secrets and service account are one setting for
 * all pods of a FlinkCluster (`spec.envVars`, `spec.envFrom`,
 * `spec.image.pullSecrets`, `spec.serviceAccountName`): JobManager and
 * TaskManager templates that differ in them cannot be rendered.
 */
import { podPieces, PodPieces, podTemplateErrors, securityConflictErrors } from './_pod-template';
import { at, isObject } from '../../manifest/_fields';
import { MAIN_CONTAINER } from '../../manifest/_ir';
import { jsonEquals } from '../../manifest/_json';
import { BackendName, unsupported } from '../_unsupported';
import { mergePodTemplates } from '../kubernetes/_pod-template-merge';

const BACKEND: BackendName = 'SPOTIFY_OPERATOR';

const PROCESSES = ['jobManager', 'taskManager'] as const;

/** Settings of every pod and container of a FlinkCluster, and where a pod template sets them. */
const SHARED: ReadonlyArray<readonly [keyof PodPieces, string, string]> = [
  ['env', 'container', 'spec.envVars'],
  ['envFrom', 'container', 'spec.envFrom'],
  ['imagePullSecrets', 'pod', 'spec.image.pullSecrets'],
  ['serviceAccountName', 'pod', 'spec.serviceAccountName'],
];

/** The pod pieces of each kind of FlinkCluster pod, and what cannot be rendered. */
export interface FlinkClusterPods {
  readonly jobManager: PodPieces;
  readonly taskManager: PodPieces;
  readonly errors: string[];
}

/** Takes the pod templates of a FlinkDeployment `spec` apart. */
export function flinkClusterPods(spec: Record<string, any>): FlinkClusterPods {
  const base = spec.podTemplate;
  const errors = podTemplateErrors(base, 'spec.podTemplate');
  const merged: Record<string, unknown> = {};
  const pieces: Record<string, PodPieces> = {};
  for (const process of PROCESSES) {
    const own = at(spec, `${process}.podTemplate`);
    errors.push(...podTemplateErrors(own, `spec.${process}.podTemplate`));
    merged[process] = mergePodTemplates(base, own);
    pieces[process] = podPieces(merged[process]);
    errors.push(...securityConflictErrors(merged[process], own === undefined ? 'spec.podTemplate' : `spec.${process}.podTemplate`));
  }
  const shared = podPieces(base);
  for (const [piece, level, target] of SHARED) {
    if (jsonEquals(pieces.jobManager[piece], pieces.taskManager[piece])) {
      continue;
    }
    for (const process of PROCESSES) {
      const own = at(spec, `${process}.podTemplate`);
      const value = podPieces(own)[piece];
      if (value !== undefined) {
        errors.push(unsupported(`${piecePath(own, `spec.${process}.podTemplate`, level)}.${piece}`, value, BACKEND,
          `the FlinkCluster has one ${target} for all its pods: set ${piece} in spec.podTemplate`));
      }
    }
    pieces.jobManager = { ...pieces.jobManager, [piece]: shared[piece] };
    pieces.taskManager = { ...pieces.taskManager, [piece]: shared[piece] };
  }
  return { jobManager: pieces.jobManager, taskManager: pieces.taskManager, errors: [...new Set(errors)] };
}

/** The manifest path of a template's pod spec or main container. */
function piecePath(template: unknown, field: string, level: string): string {
  if (level === 'pod') {
    return `${field}.spec`;
  }
  const containers = isObject(template) && isObject(template.spec) && Array.isArray(template.spec.containers) ? template.spec.containers : [];
  return `${field}.spec.containers[${containers.findIndex((c: any) => c?.name === MAIN_CONTAINER)}]`;
}
