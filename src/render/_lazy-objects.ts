/**
 * cdk8s objects whose body is produced at synth from a rendered JSON
 * object: name, namespace and labels are fixed when they are created, the
 * rest follows the mutated manifest.
 */
import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ArgoCd, ArgoCdSyncWave } from '../argo-cd';

/**
 * Creates an object with the apiVersion, kind and metadata of `initial`
 * whose other top-level fields (`spec`, `data`, `rules`, ...) are read from
 * `current()` at synth.
 *
 * @param scope the parent construct
 * @param id the construct id
 * @param initial the object as rendered from the props at creation
 * @param current the object as rendered from the mutated manifest
 * @param syncWave the Argo CD sync wave
 */
export function lazyObject(scope: Construct, id: string, initial: any, current: () => any, syncWave: ArgoCdSyncWave): ApiObject {
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(initial)) {
    if (key !== 'apiVersion' && key !== 'kind' && key !== 'metadata') {
      body[key] = Lazy.any({ produce: () => current()?.[key] });
    }
  }
  const apiObject = new ApiObject(scope, id, {
    apiVersion: initial.apiVersion,
    kind: initial.kind,
    metadata: { name: initial.metadata.name, namespace: initial.metadata.namespace, labels: { ...initial.metadata.labels } },
    ...body,
  });
  ArgoCd._annotate(apiObject, syncWave);
  return apiObject;
}
