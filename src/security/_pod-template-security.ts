/**
 * The restricted security defaults merged under the pod templates of a
 * FlinkDeployment spec: the pod security context and `flink-main-container`
 * in `podTemplate`, and the container security context on every container
 * and init container of `podTemplate` and of the JobManager and TaskManager
 * templates. Whatever the templates set wins, field by field.
 */
import { flinkPodSecurityContext, restrictedContainerSecurityContext } from './_pod-security';
import { withMainContainer } from '../manifest/_ir';
import { isObject } from '../props/_checks';

/** The process specs whose `podTemplate` the operator merges over the deployment's. */
const PROCESSES = ['jobManager', 'taskManager'] as const;

/**
 * A copy of a FlinkDeployment spec (wire JSON) with the restricted defaults
 * under its pod templates.
 */
export function withRestrictedDefaults(spec: Record<string, any>): Record<string, any> {
  const template = withMainContainer(spec.podTemplate, (container) => container);
  const out: Record<string, any> = {
    ...spec,
    podTemplate: secureContainers({
      ...template,
      spec: { ...template.spec, securityContext: mergeUnder(flinkPodSecurityContext(), template.spec.securityContext) },
    }),
  };
  for (const process of PROCESSES) {
    if (spec[process]?.podTemplate) {
      out[process] = { ...spec[process], podTemplate: secureContainers(spec[process].podTemplate) };
    }
  }
  return out;
}

function secureContainers(template: any): any {
  const spec = template.spec;
  if (!spec) {
    return template;
  }
  return {
    ...template,
    spec: { ...spec, containers: spec.containers?.map(secureContainer), initContainers: spec.initContainers?.map(secureContainer) },
  };
}

function secureContainer(container: any): any {
  return { ...container, securityContext: mergeUnder(restrictedContainerSecurityContext(), container?.securityContext) };
}

/** `user` deep-merged over `defaults`: objects field by field, anything else (lists too) replaced. */
function mergeUnder(defaults: any, user: any): any {
  if (user === undefined) {
    return defaults;
  }
  if (!isObject(defaults) || !isObject(user)) {
    return user;
  }
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(user)) {
    out[key] = mergeUnder(defaults[key], value);
  }
  return out;
}

