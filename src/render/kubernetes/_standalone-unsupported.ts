/**
 * The operator features a standalone cluster (and its session job
 * submitter) cannot have: reported, never silently dropped.
 */
import { flattenConfiguration } from '../../manifest/_configuration';
import { unsupported } from '../_unsupported';
import { haServices } from './_standalone-configuration';
import { isPythonJob } from '../_python-driver';
import { localPath } from './_standalone-job-args';

/** Job fields only an operator acts on, with what each needs. */
const OPERATOR_ACTIONS: ReadonlyArray<[string, string]> = [
  ['savepointTriggerNonce', 'an operator triggers the savepoint; take it with `flink savepoint` or the REST API'],
  ['checkpointTriggerNonce', 'an operator triggers the checkpoint; trigger it with the REST API'],
  ['savepointRedeployNonce', 'an operator redeploys the job from a savepoint'],
  ['autoscalerResetNonce', 'the autoscaler runs in the operator'],
];

function jobErrors(job: any, ha: boolean, sessionJob: boolean): string[] {
  const errors: string[] = [];
  for (const [field, why] of OPERATOR_ACTIONS) {
    if (job[field] !== undefined) {
      errors.push(unsupported(`spec.job.${field}`, job[field], 'KUBERNETES', why));
    }
  }
  if (job.upgradeMode === 'savepoint') {
    errors.push(unsupported('spec.job.upgradeMode', job.upgradeMode, 'KUBERNETES', 'an operator takes the savepoint before an upgrade; use `stateless`, or `last-state` with Kubernetes HA'));
  }
  if (job.upgradeMode === 'last-state' && (sessionJob || !ha)) {
    errors.push(unsupported('spec.job.upgradeMode', job.upgradeMode, 'KUBERNETES', sessionJob
      ? 'a resubmitted session job starts from `initialSavepointPath`, not from the last checkpoint'
      : 'a JobManager restarts from the latest checkpoint only with high availability: configure `high-availability.type: kubernetes` and `high-availability.storageDir`'));
  }
  if (sessionJob && job.state === 'suspended') {
    errors.push(unsupported('spec.job.state', job.state, 'KUBERNETES', 'the submitter Job submits once; cancel the job with `flink cancel` and remove the session job'));
  }
  if (sessionJob && !isPythonJob(job) && (typeof job.jarURI !== 'string' || localPath(job.jarURI) === undefined)) {
    errors.push(unsupported('spec.job.jarURI', job.jarURI, 'KUBERNETES', '`flink run` in the submitter pod needs a jar in the session cluster\'s image: a `local://` URI or an absolute path'));
  }
  return errors;
}

/**
 * Errors of a FlinkDeployment manifest that a standalone cluster cannot render.
 */
export function standaloneDeploymentErrors(manifest: any): string[] {
  const spec = manifest.spec ?? {};
  const configuration = flattenConfiguration(spec.flinkConfiguration);
  const errors: string[] = [];
  if (spec.mode === 'native') {
    errors.push(unsupported('spec.mode', spec.mode, 'KUBERNETES', 'native mode has the JobManager create its TaskManager pods through an operator-managed setup; the backend renders standalone mode: leave `mode` unset or use DeploymentMode.STANDALONE'));
  }
  if (configuration['job.autoscaler.enabled'] === 'true') {
    errors.push(unsupported('spec.flinkConfiguration."job.autoscaler.enabled"', 'true', 'KUBERNETES', 'the autoscaler runs in the operator'));
  }
  for (const process of ['jobManager', 'taskManager']) {
    if (spec[process]?.resources !== undefined && spec[process]?.resources !== null) {
      errors.push(unsupported(`spec.${process}.resources`, spec[process].resources, 'KUBERNETES',
        'the standalone pods are sized from `cpu`, `memory` and `ephemeralStorage` (`resource`); give the resources there'));
    }
  }
  const ha = haServices(configuration);
  if (ha === 'kubernetes' && manifest.metadata?.namespace === undefined && configuration['kubernetes.namespace'] === undefined) {
    errors.push(unsupported('metadata.namespace', undefined, 'KUBERNETES',
      'Kubernetes HA keeps its ConfigMaps in `kubernetes.namespace`: set the namespace of the deployment (or its chart), or `kubernetes.namespace`'));
  }
  if (spec.job !== undefined) {
    errors.push(...jobErrors(spec.job, ha !== 'none', false));
  }
  return errors;
}

/**
 * Errors of a FlinkSessionJob manifest that a submitter Job cannot render.
 */
export function standaloneSessionJobErrors(manifest: any): string[] {
  return jobErrors(manifest.spec?.job ?? {}, false, true);
}
