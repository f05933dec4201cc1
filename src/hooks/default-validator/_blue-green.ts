/**
 * A `FlinkBlueGreenDeployment` as the FlinkDeployments the operator (1.15.0)
 * creates from it (`BlueGreenUtils.prepareFlinkDeployment`): the template's
 * spec under the name `<name>-blue` / `<name>-green`, labelled with the
 * deployment type, its ingress template prefixed with `blue-` / `green-`.
 * Each child passes the operator's webhook as a FlinkDeployment, so the
 * template is validated through them.
 */
import { at, isObject } from '../../manifest/_fields';

/** The label the operator puts on the children. */
export const BLUE_GREEN_TYPE_LABEL = 'flink/blue-green-deployment-type';

const TYPES = ['BLUE', 'GREEN'] as const;

const OBJECT_FIELDS = ['metadata', 'spec', 'spec.configuration', 'spec.ingress', 'spec.template', 'spec.template.spec'];

/**
 * What stops a manifest from being read as a FlinkBlueGreenDeployment: a
 * root or a section that is not an object, configuration values that are
 * not strings (worded as the API server words schema violations).
 */
export function blueGreenShapeErrors(manifest: unknown): string[] {
  if (!isObject(manifest)) {
    return ['Invalid FlinkBlueGreenDeployment manifest: expected an object'];
  }
  const errors = OBJECT_FIELDS
    .filter((path) => at(manifest, path) !== undefined && !isObject(at(manifest, path)))
    .map((path) => `${path}: Invalid value: ${path} in body must be of type object`);
  const configuration = at(manifest, 'spec.configuration');
  if (isObject(configuration)) {
    for (const [key, value] of Object.entries(configuration)) {
      if (value !== null && typeof value !== 'string') {
        errors.push(`spec.configuration.${key}: Invalid value: spec.configuration.${key} in body must be of type string`);
      }
    }
  }
  if (!isObject(at(manifest, 'spec.template.spec'))) {
    errors.push('spec.template.spec: Required value: the FlinkDeployment spec of the blue and green deployments');
  }
  return errors;
}

/**
 * The blue and green FlinkDeployment manifests of a FlinkBlueGreenDeployment
 * (none when it has no template spec).
 */
export function blueGreenChildren(manifest: unknown): any[] {
  const spec = at(manifest, 'spec.template.spec');
  if (!isObject(spec)) {
    return [];
  }
  const name = at(manifest, 'metadata.name');
  const namespace = at(manifest, 'metadata.namespace');
  return TYPES.map((type) => {
    const childSpec = structuredClone(spec);
    const template = at(childSpec, 'ingress.template');
    if (typeof template === 'string') {
      childSpec.ingress.template = `${type.toLowerCase()}-${template}`;
    }
    return {
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkDeployment',
      metadata: {
        name: `${typeof name === 'string' ? name : 'null'}-${type.toLowerCase()}`,
        ...(typeof namespace === 'string' ? { namespace } : {}),
        labels: { [BLUE_GREEN_TYPE_LABEL]: type },
      },
      spec: childSpec,
    };
  });
}
