import { autoscalerErrors } from './_autoscaler';
import { blueGreenChildren, blueGreenShapeErrors } from './_blue-green';
import { forbiddenKeyErrors, healthCheckErrors, rollbackErrors } from './_cluster-config';
import { deploymentNameErrors, serviceAccountErrors } from './_identity';
import { ingressErrors } from './_ingress';
import { jarUriErrors } from './_jar-uri';
import { checkpointDirectoryErrors, parallelismErrors, savepointDirectoryErrors } from './_job';
import { logConfigErrors } from './_logging';
import { jobManagerReplicaErrors, memorySourceErrors, resourceErrors, resourceRequirementsErrors, taskManagerReplicaErrors } from './_resources';
import { applicationClusterErrors, clusterIdErrors, jobPresenceErrors } from './_session-job';
import { snapshotRuleErrors, snapshotShapeErrors } from './_snapshot';
import { deploymentSpecChangeErrors, sessionJobSpecChangeErrors } from './_spec-change';
import { flinkVersionErrors } from './_version';
import { ConfigValueError, FlinkConfig } from '../../jvm/_flink-config';
import { effectiveConfiguration, flattenConfiguration, operatorConfiguration } from '../../manifest/_configuration';
import { at, isCanary, isObject, lastReconciledSpec, shapeErrors } from '../../manifest/_fields';
import { OperatorVersion } from '../../operator-version';
import { FlinkHookContext } from '../context';

/**
 * The checks of the Flink Kubernetes Operator's `DefaultValidator` of the
 * target release (`context.operatorVersion`, 1.15.0 or 1.16.1) on plain
 * `flink.apache.org/v1beta1` manifests, in upstream order, all
 * reported at once (upstream stops at the first). A check that cannot run
 * because a configuration value it reads does not parse reports that
 * instead. Resources labelled as canaries are not validated, as the
 * operator's webhook skips them; a manifest that does not have the
 * resource's structure gets only its structural errors.
 */

type Check = () => string[];

/** The operator release whose rules apply. */
function targetOf(context: FlinkHookContext | undefined): OperatorVersion {
  return context?.operatorVersion instanceof OperatorVersion ? context.operatorVersion : OperatorVersion.LATEST;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The checks of one upstream validation method (e.g. `validateJobSpec`):
 * upstream runs them in order and returns at the first message, so a later
 * one that would throw is never reached.
 */
type CheckGroup = readonly Check[];

/**
 * Runs the checks in order, turning whatever one of them throws into its
 * message. Upstream evaluates every validation method before it picks the
 * first message (Java evaluates all arguments of `firstPresent`), so a
 * method that throws fails the validation with its exception even after an
 * earlier method found an error: the first thrown message comes first, then
 * the others in order. Within a group (one upstream method) a check after a
 * message is not reached upstream, so what it throws is an ordinary message.
 */
function runChecks(checks: readonly (Check | CheckGroup)[]): string[] {
  const errors: string[] = [];
  let thrown: string | undefined;
  for (const entry of checks) {
    let found = false;
    for (const check of Array.isArray(entry) ? entry : [entry as Check]) {
      try {
        const messages = check();
        errors.push(...messages);
        found = found || messages.length > 0;
      } catch (error) {
        const message = error instanceof ConfigValueError ? error.message : `Validation failed unexpectedly: ${describe(error)}`;
        if (thrown === undefined && !found) {
          thrown = message;
        } else {
          errors.push(message);
        }
        found = true;
      }
    }
  }
  return thrown === undefined ? errors : [thrown, ...errors];
}

/** Every message of the default validation of a `FlinkDeployment` manifest, in upstream order. */
export function deploymentErrors(deployment: any, context?: FlinkHookContext): string[] {
  try {
    if (isCanary(deployment)) {
      return [];
    }
    const shape = shapeErrors(deployment, 'FlinkDeployment');
    if (shape.length > 0) {
      return shape;
    }
    const spec = at(deployment, 'spec') ?? {};
    const name = at(deployment, 'metadata.name');
    const namespace = at(deployment, 'metadata.namespace');
    const last = lastReconciledSpec(deployment);
    const conf = new FlinkConfig(effectiveConfiguration(at(spec, 'flinkConfiguration'), context,
      { namespace, flinkVersion: at(spec, 'flinkVersion') }));
    const job = at(spec, 'job');
    const jobManager = at(spec, 'jobManager');
    const taskManager = at(spec, 'taskManager');
    const target = targetOf(context);
    return runChecks([
      () => deploymentNameErrors(name),
      () => flinkVersionErrors(spec, last),
      [() => forbiddenKeyErrors(conf), () => rollbackErrors(conf), () => healthCheckErrors(conf)],
      () => ingressErrors(at(spec, 'ingress'), name, namespace),
      () => logConfigErrors(at(spec, 'logConfiguration')),
      [() => checkpointDirectoryErrors(job, conf), () => savepointDirectoryErrors(job, conf), () => parallelismErrors(job, taskManager)],
      [
        () => memorySourceErrors('JobManager', jobManager, conf, target), () => resourceErrors('JobManager', jobManager),
        () => resourceRequirementsErrors('JobManager', jobManager, target), () => jobManagerReplicaErrors(jobManager, conf),
      ],
      [
        () => memorySourceErrors('TaskManager', taskManager, conf, target), () => resourceErrors('TaskManager', taskManager),
        () => resourceRequirementsErrors('TaskManager', taskManager, target), () => taskManagerReplicaErrors(taskManager),
      ],
      () => deploymentSpecChangeErrors(spec, last),
      () => serviceAccountErrors(at(spec, 'serviceAccount')),
      () => autoscalerErrors(conf, target),
    ]);
  } catch (error) {
    return [`Validation failed unexpectedly: ${describe(error)}`];
  }
}

/**
 * Every message of the default validation of a `FlinkSessionJob` manifest,
 * in upstream order. The checks against the session cluster (its type, its
 * name, and the job's needs under the cluster's configuration merged with
 * the job's) run only when the cluster's manifest is given.
 */
export function sessionJobErrors(sessionJob: any, sessionDeployment: any | undefined, context?: FlinkHookContext): string[] {
  try {
    if (isCanary(sessionJob)) {
      return [];
    }
    const shape = shapeErrors(sessionJob, 'FlinkSessionJob');
    if (shape.length > 0) {
      return shape;
    }
    const spec = at(sessionJob, 'spec') ?? {};
    const job = at(spec, 'job');
    const checks: (Check | CheckGroup)[] = [
      () => deploymentNameErrors(at(spec, 'deploymentName')),
      () => jobPresenceErrors(spec),
      () => sessionJobSpecChangeErrors(spec, lastReconciledSpec(sessionJob)),
      () => job === undefined ? [] : jarUriErrors(at(job, 'jarURI'), new FlinkConfig(operatorConfiguration(context))),
    ];
    if (isObject(sessionDeployment)) {
      const merged = {
        ...flattenConfiguration(at(sessionDeployment, 'spec.flinkConfiguration')),
        ...flattenConfiguration(at(spec, 'flinkConfiguration')),
      };
      const conf = new FlinkConfig(effectiveConfiguration(merged, context,
        { namespace: at(sessionJob, 'metadata.namespace'), flinkVersion: at(sessionDeployment, 'spec.flinkVersion') }));
      checks.push(
        () => applicationClusterErrors(sessionDeployment),
        () => clusterIdErrors(spec, sessionDeployment),
        [() => checkpointDirectoryErrors(job, conf), () => savepointDirectoryErrors(job, conf), () => parallelismErrors(job, undefined)],
        () => autoscalerErrors(conf, targetOf(context)),
      );
    }
    return runChecks(checks);
  } catch (error) {
    return [`Validation failed unexpectedly: ${describe(error)}`];
  }
}

/**
 * Every message of the default validation of a `FlinkStateSnapshot`
 * manifest (upstream stops at the first rule that fails, so there is at most
 * one, besides structural errors). `target` is the FlinkDeployment or
 * FlinkSessionJob its `jobReference` names; with `targetUnknown` an absent
 * target means "defined elsewhere" rather than "not found".
 */
export function stateSnapshotErrors(snapshot: any, target: any | undefined, _context?: FlinkHookContext, targetUnknown = false): string[] {
  try {
    if (isCanary(snapshot)) {
      return [];
    }
    const shape = snapshotShapeErrors(snapshot);
    return shape.length > 0 ? shape : snapshotRuleErrors(snapshot, target, targetUnknown);
  } catch (error) {
    return [`Validation failed unexpectedly: ${describe(error)}`];
  }
}

/**
 * Every message of the default validation of a `FlinkBlueGreenDeployment`
 * manifest: the FlinkDeployment checks of the blue and the green deployment
 * the operator creates from its template (a message both share is reported
 * once).
 */
export function blueGreenDeploymentErrors(manifest: any, context?: FlinkHookContext): string[] {
  try {
    if (isCanary(manifest)) {
      return [];
    }
    const shape = blueGreenShapeErrors(manifest);
    if (shape.length > 0) {
      return shape;
    }
    return [...new Set(blueGreenChildren(manifest).flatMap((child) => deploymentErrors(child, context)))];
  } catch (error) {
    return [`Validation failed unexpectedly: ${describe(error)}`];
  }
}
