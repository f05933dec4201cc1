/**
 * cdk8s objects whose body is produced at synth from a rendered JSON
 * object: name, namespace and labels are fixed when they are created, the
 * rest follows the mutated manifest.
 */
import { ApiObject, ApiObjectProps, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ArgoCd, ArgoCdSyncWave } from '../argo-cd';

/**
 * An object whose name follows its content: `metadata.name` is rendered
 * from the content as it is at synth (`apiObject.name` keeps the name of
 * the object as created, which cdk8s uses only for file names).
 */
class ContentNamedObject extends ApiObject {
  constructor(scope: Construct, id: string, props: ApiObjectProps, private readonly contentName: () => string) {
    super(scope, id, props);
  }

  public toJson(): any {
    const json = super.toJson();
    return { ...json, metadata: { ...json.metadata, name: this.contentName() } };
  }
}

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
 * @param name the name, when it follows the content
 */
export function lazyObject(scope: Construct, id: string, initial: any, current: () => any, syncWave: ArgoCdSyncWave, name?: () => string): ApiObject {
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(initial)) {
    if (key !== 'apiVersion' && key !== 'kind' && key !== 'metadata') {
      body[key] = Lazy.any({ produce: () => current()?.[key] });
    }
  }
  const props: ApiObjectProps = {
    apiVersion: initial.apiVersion,
    kind: initial.kind,
    metadata: { name: initial.metadata.name, namespace: initial.metadata.namespace, labels: { ...initial.metadata.labels } },
    ...body,
  };
  const apiObject = name ? new ContentNamedObject(scope, id, props, name) : new ApiObject(scope, id, props);
  ArgoCd._annotate(apiObject, syncWave);
  return apiObject;
}
