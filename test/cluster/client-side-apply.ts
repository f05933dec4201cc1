/**
 * Client-side apply as `kubectl apply` (and Argo CD without `ServerSideApply=true`)
 * does it: the whole manifest, encoded as Go's encoding/json encodes it, is
 * stored in the `kubectl.kubernetes.io/last-applied-configuration` annotation of
 * the created object. The API server caps all annotations of an object at
 * 256 KiB together.
 */
import { ApiClient, ApiResponse, KubeObject } from './api-client';

/** The annotation client-side apply keeps the applied manifest in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The API server's limit on the total size of an object's annotations (keys and values). */
export const ANNOTATIONS_SIZE_LIMIT = 256 * 1024;

/** What a client-side create of the object did. */
export interface ClientSideApplyOutcome {
  readonly annotationBytes: number;
  readonly response: ApiResponse;
}

/** The annotation value kubectl writes: Go's JSON (HTML characters escaped) and a newline. */
export function lastAppliedConfiguration(obj: KubeObject): string {
  const json = JSON.stringify(obj).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${json}\n`;
}

/** Creates the object as client-side apply does (POST with the last-applied annotation). */
export async function clientSideCreate(client: ApiClient, obj: KubeObject): Promise<ClientSideApplyOutcome> {
  const annotation = lastAppliedConfiguration(obj);
  const annotated = { ...obj, metadata: { ...obj.metadata, annotations: { ...obj.metadata.annotations, [LAST_APPLIED]: annotation } } };
  const objectPath = await client.objectPath(obj);
  const collection = objectPath.slice(0, objectPath.lastIndexOf('/'));
  const response = await client.request('POST', `${collection}?fieldManager=kubectl-client-side-apply&fieldValidation=Strict`, annotated);
  const annotationBytes = Object.entries(annotated.metadata.annotations)
    .reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(String(v)), 0);
  return { annotationBytes, response };
}
