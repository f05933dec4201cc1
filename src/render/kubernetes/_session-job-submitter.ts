/**
 * A session job without an operator: a Kubernetes Job that submits the job
 * to the session cluster's REST service with `flink run`, after cancelling
 * the running job of the same name (the previous version of the session job).
 * Its pod meets Pod Security "restricted" (the cluster's own security
 * settings win where it has them).
 */
import { standaloneConfiguration, standalonePorts } from './_standalone-configuration';
import { flinkRunArgs } from './_standalone-job-args';
import { MAIN_CONTAINER } from './_standalone-pods';
import { flattenConfiguration } from '../../manifest/_configuration';
import { cleanJson } from '../../manifest/_json';
import { hashedName } from '../../manifest/_naming';
import { flinkPodSecurityContext, restrictedContainerSecurityContext } from '../../security/_pod-security';

/** Longest Job name: its pods carry it in the `job-name` label (63 characters). */
const MAX_JOB_NAME = 63;

/**
 * The submitter's script: `$1` the REST address, `$2` the job name, then the
 * `flink run` arguments. Values arrive as arguments, never inside the
 * script, so nothing in them is read by the shell.
 */
export const SUBMIT_SCRIPT = [
  'flink="${FLINK_HOME:-/opt/flink}/bin/flink"',
  'address="$1"; name="$2"; shift 2',
  'running=$("$flink" list -r -m "$address")',
  'for id in $(printf \'%s\\n\' "$running" | awk -F \' : \' -v n="$name" \'$3 == n " (RUNNING)" || $3 == n " (RESTARTING)" || $3 == n " (CREATED)" { print $2 }\'); do',
  '  "$flink" cancel -m "$address" "$id"',
  'done',
  'exec "$flink" run -m "$address" -d "$@"',
].join('\n');

/**
 * The submitter Job of a (valid, mutated) FlinkSessionJob manifest on the
 * session cluster described by `deployment`.
 *
 * @param sessionJob the session job's manifest
 * @param deployment the session cluster's manifest (image, pod security, REST port)
 * @param restService the session cluster's REST Service
 */
export function sessionJobSubmitter(sessionJob: any, deployment: any, restService: string): any {
  const name: string = sessionJob.metadata?.name;
  const namespace: string | undefined = sessionJob.metadata?.namespace;
  const spec = sessionJob.spec ?? {};
  const session = deployment.spec ?? {};
  const port = standalonePorts(standaloneConfiguration(deployment, '')).rest;
  const configuration = { 'pipeline.name': name, ...flattenConfiguration(spec.flinkConfiguration) };
  const template = session.podTemplate ?? {};
  const main = (template.spec?.containers ?? []).find((c: any) => c?.name === MAIN_CONTAINER);
  const labels = { 'app': deployment.metadata?.name, 'component': 'submitter', 'flink.apache.org/session-job': name };
  const podSpec = {
    restartPolicy: 'Never',
    automountServiceAccountToken: false,
    // The submitter only runs `flink run`: restricted whatever the cluster's pods need, under the cluster's own settings.
    securityContext: { ...flinkPodSecurityContext(), ...template.spec?.securityContext },
    imagePullSecrets: template.spec?.imagePullSecrets,
    containers: [{
      name: 'flink-submitter',
      image: session.image,
      imagePullPolicy: session.imagePullPolicy,
      command: ['/bin/bash', '-ec', SUBMIT_SCRIPT, 'submit', `${restService}:${port}`, configuration['pipeline.name'], ...flinkRunArgs(spec.job ?? {}, configuration)],
      securityContext: { ...restrictedContainerSecurityContext(), ...main?.securityContext },
    }],
  };
  const jobSpec = {
    // `flink run` fails until the session cluster is up: retry with Kubernetes' backoff.
    backoffLimit: 10,
    template: { metadata: { labels }, spec: podSpec },
  };
  return cleanJson({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: hashedName(`${name}-submit`, jobSpec, MAX_JOB_NAME), namespace, labels },
    spec: jobSpec,
  });
}
