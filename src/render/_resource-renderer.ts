/**
 * How a Flink construct's mutated manifest becomes Kubernetes objects: the
 * seam between the hook pipeline (one IR, whatever the backend) and the
 * backends.
 */
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';

/** What a renderer reads from the managed resource, lazily at synth. */
export interface RenderSource {
  /**
   * The backend's rendering of the mutated manifest, for the main object:
   * notifies the listeners that it was rendered; throws the resource's
   * validation errors (synth validates first, so this only happens outside
   * `App.synth()`).
   */
  rendered(): any;
  /** The rendering, for the other objects (no notification; throws like `rendered`). */
  rendering(): any;
  /** The rendering, or `undefined` while the resource has errors: never throws. */
  current(): any;
}

/** A backend's rendering of a mutated manifest, or why it cannot render it. */
export interface BackendRendering {
  /** What the backend cannot render, reported with the resource's validation errors. */
  readonly errors: string[];
  /** What the objects render from (`undefined` with errors). */
  readonly rendering?: any;
}

/**
 * Renders a Flink resource's mutated manifest as cdk8s objects.
 */
export interface ResourceRenderer {
  /**
   * Creates the rendered objects under `owner` when the construct is
   * created; their content is produced lazily from `source`. The first
   * object is the main one (construct id `Resource`).
   */
  createObjects(owner: Construct, source: RenderSource): ApiObject[];
  /**
   * Renders a mutated manifest the validators accepted, once per synth.
   */
  render(manifest: any): BackendRendering;
  /**
   * Called with the newly built manifest after the construct changed
   * (`addFlinkConfiguration()`, ...): objects that the change needs are created now.
   */
  update?(built: any): void;
}
