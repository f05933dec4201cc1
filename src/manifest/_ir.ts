/**
 * Builders of the IR manifest's pieces: typed props to the operator's wire
 * JSON (`flink.apache.org/v1beta1`), the one place where that mapping lives.
 */
import { Size } from 'cdk8s';
import { Cpu, k8s } from 'cdk8s-plus-27';
import { cleanJson, undefinedIfEmpty } from './_json';
import { FlinkIngressOptions } from '../flink-ingress';
import { FlinkJob, FlinkJobOptions } from '../flink-job';
import { FlinkProcessOptions, FlinkProcessResources, FlinkResourceQuantities } from '../flink-process';
import { FlinkResourceMetadataOptions } from '../flink-resource-metadata';
import {
  checkAll, checkAnnotations, checkedParts, checkInteger, checkLabels, checkObjectList, checkPodTemplate, checkSize, checkString, checkStringList,
  checkStringMap, fail, isObject, reject,
} from '../props/_checks';
import { flinkMemory, kubernetesQuantity } from '../props/_size';

/**
 * The `spec.job` of the operator's resources.
 */
export function renderJob(job: FlinkJobOptions): Record<string, unknown> {
  const program = job.source?._program();
  return {
    jarURI: program ? program.jarUri : job.jarUri,
    entryClass: program ? program.entryClass : job.entryClass,
    args: program ? program.args : job.args ? [...job.args] : undefined,
    parallelism: job.parallelism,
    upgradeMode: job.upgradeMode,
    state: job.state,
    initialSavepointPath: job.initialSavepointPath,
    allowNonRestoredState: job.allowNonRestoredState,
    savepointTriggerNonce: job.savepointTriggerNonce,
    checkpointTriggerNonce: job.checkpointTriggerNonce,
    savepointRedeployNonce: job.savepointRedeployNonce,
    autoscalerResetNonce: job.autoscalerResetNonce,
  };
}

/**
 * The Flink configuration a job's program needs (`python.files`, ...), added
 * to the resource's `flinkConfiguration`.
 */
export function jobConfiguration(job: FlinkJobOptions | undefined): Record<string, string> {
  // A source that is not a FlinkJob is a prop error of its own.
  return job?.source instanceof FlinkJob ? job.source._program().configuration : {};
}

/**
 * The `spec.jobManager` / `spec.taskManager` of a FlinkDeployment.
 */
export function renderProcess(field: string, options: FlinkProcessOptions | undefined): Record<string, unknown> | undefined {
  if (options === undefined) {
    return undefined;
  }
  if (!isObject(options as unknown)) {
    fail(field, 'a map of process options', options);
  }
  const { resource, resources, podTemplate } = checkedParts({
    resource: () => {
      checkAll(
        () => {
          if (options.cpu !== undefined && !(typeof options.cpu === 'number' && Number.isFinite(options.cpu) && options.cpu > 0)) {
            fail(`${field}.cpu`, 'a positive number', options.cpu);
          }
        },
        () => checkInteger(`${field}.replicas`, options.replicas, 0),
        () => checkSize(`${field}.memory`, options.memory),
        () => checkSize(`${field}.ephemeralStorage`, options.ephemeralStorage),
      );
      return checkedParts({
        cpu: () => options.cpu,
        memory: () => options.memory ? sized(`${field}.memory`, options.memory, flinkMemory) : undefined,
        ephemeralStorage: () => options.ephemeralStorage ? sized(`${field}.ephemeralStorage`, options.ephemeralStorage, kubernetesQuantity) : undefined,
      });
    },
    resources: () => renderResources(`${field}.resources`, options.resources),
    podTemplate: () => renderPodTemplate(options.podTemplate, `${field}.podTemplate`),
  });
  const hasResource = Object.values(resource).some((v) => v !== undefined);
  if (hasResource && resources !== undefined) {
    reject(`${field}.resources`, `excludes '${field}.cpu', '${field}.memory' and '${field}.ephemeralStorage': `
      + `the operator ignores them when '${field}.resources' is set; give the resources in '${field}.resources' only`);
  }
  return {
    resource: hasResource ? resource : undefined,
    resources,
    replicas: options.replicas,
    podTemplate,
  };
}

/**
 * The `metadata` of a Flink custom resource, with the annotations that
 * record its opt-outs of the library's policy.
 */
export function renderMetadata(
  name: string,
  namespace: string | undefined,
  options: FlinkResourceMetadataOptions,
  policy: Record<string, string> = {},
): Record<string, unknown> {
  return {
    name,
    namespace,
    labels: undefinedIfEmpty({ ...options.labels }),
    annotations: undefinedIfEmpty({ ...options.annotations, ...policy }),
  };
}

/** Name of the Flink container in the pod templates of a FlinkDeployment. */
export const MAIN_CONTAINER = 'flink-main-container';

/**
 * A copy of a pod template's wire JSON (or of an empty one) whose
 * `flink-main-container` is replaced by `update(container)`; a missing one
 * is added after the other containers, so that the operator, which merges
 * the JobManager and TaskManager templates into this one by position,
 * pairs the other containers as before.
 */
export function withMainContainer(template: any, update: (container: any) => any): any {
  const spec = template?.spec ?? {};
  const containers: any[] = spec.containers ?? [];
  const index = containers.findIndex((c) => c?.name === MAIN_CONTAINER);
  const next = index < 0
    ? [...containers, update({ name: MAIN_CONTAINER })]
    : containers.map((c, i) => (i === index ? update(c) : c));
  return { ...template, spec: { ...spec, containers: next } };
}

/**
 * A typed pod template as the wire JSON the CRD expects. An empty
 * `containers` list is left out: the Kubernetes type requires the field, but
 * in a template the operator merges, an empty list only adds noise.
 */
export function renderPodTemplate(template: k8s.PodTemplateSpec | undefined, field = 'podTemplate'): Record<string, unknown> | undefined {
  if (template === undefined) {
    return undefined;
  }
  checkPodTemplate(field, template);
  let json: any;
  try {
    json = cleanJson(k8s.toJson_PodTemplateSpec(template));
  } catch {
    // A wrong type deeper than the checked shape: name the prop, not the converter's internals.
    reject(field, 'is not a valid pod template: a field holds null or a value of another type than k8s.PodTemplateSpec declares');
  }
  if (Array.isArray(json?.spec?.containers) && json.spec.containers.length === 0) {
    delete json.spec.containers;
  }
  return json;
}

/**
 * `spec.<process>.resources` (operator 1.16): requests and limits as the
 * upstream examples write them (memory in Flink units, cpu as a quantity
 * string).
 */
function renderResources(field: string, resources: FlinkProcessResources | undefined): Record<string, unknown> | undefined {
  if (resources === undefined) {
    return undefined;
  }
  if (!isObject(resources as unknown)) {
    fail(field, 'a map with requests and/or limits', resources);
  }
  const { requests, limits } = checkedParts({
    requests: () => renderQuantities(`${field}.requests`, resources.requests),
    limits: () => renderQuantities(`${field}.limits`, resources.limits),
  });
  return requests === undefined && limits === undefined ? undefined : { requests, limits };
}

const TYPED_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

function renderQuantities(field: string, quantities: FlinkResourceQuantities | undefined): Record<string, string> | undefined {
  if (quantities === undefined) {
    return undefined;
  }
  if (!isObject(quantities as unknown)) {
    fail(field, 'a map of resource quantities', quantities);
  }
  const cpu: unknown = quantities.cpu;
  if (cpu !== undefined && !(cpu instanceof Cpu)) {
    fail(`${field}.cpu`, 'a Cpu (e.g. Cpu.units(1) or Cpu.millis(500))', cpu);
  }
  checkAll(
    () => checkSize(`${field}.memory`, quantities.memory),
    () => checkSize(`${field}.ephemeralStorage`, quantities.ephemeralStorage),
    () => checkStringMap(`${field}.other`, quantities.other),
  );
  const rendered: Record<string, string> = {};
  if (quantities.cpu !== undefined) {
    rendered.cpu = quantities.cpu.amount;
  }
  if (quantities.memory !== undefined) {
    rendered.memory = sized(`${field}.memory`, quantities.memory, flinkMemory);
  }
  if (quantities.ephemeralStorage !== undefined) {
    rendered['ephemeral-storage'] = sized(`${field}.ephemeralStorage`, quantities.ephemeralStorage, kubernetesQuantity);
  }
  for (const [name, amount] of Object.entries(quantities.other ?? {})) {
    if (TYPED_RESOURCES.includes(name)) {
      fail(`${field}.other`, `free of '${name}' (use the typed prop)`, quantities.other);
    }
    if (amount.trim() === '') {
      fail(`${field}.other['${name}']`, 'a non-empty quantity (e.g. \'1\')', amount);
    }
    rendered[name] = amount;
  }
  return undefinedIfEmpty(rendered);
}

function sized(field: string, size: Size, render: (s: Size) => string): string {
  try {
    return render(size);
  } catch (e) {
    reject(field, (e as Error).message.split('\n')[0]);
  }
}
/**
 * The `spec.ingress` of a FlinkDeployment.
 */
export function renderIngress(ingress: FlinkIngressOptions | undefined): Record<string, unknown> | undefined {
  if (ingress === undefined) {
    return undefined;
  }
  if (!isObject(ingress as unknown)) {
    fail('ingress', 'a map of ingress options', ingress);
  }
  checkAll(
    () => {
      if (typeof ingress.template !== 'string') {
        fail('ingress.template', 'a string', ingress.template);
      }
    },
    () => checkString('ingress.className', ingress.className),
    () => checkAnnotations('ingress.annotations', ingress.annotations),
    () => checkLabels('ingress.labels', ingress.labels),
    () => {
      checkObjectList('ingress.tls', ingress.tls);
      checkAll(...(ingress.tls ?? []).map((tls, i) => () => checkAll(
        () => checkStringList(`ingress.tls[${i}].hosts`, tls.hosts),
        () => checkString(`ingress.tls[${i}].secretName`, tls.secretName),
      )));
    },
  );
  return cleanJson({
    template: ingress.template,
    className: ingress.className,
    annotations: ingress.annotations,
    labels: ingress.labels,
    tls: ingress.tls?.map((t) => k8s.toJson_IngressTls(t)),
  });
}
