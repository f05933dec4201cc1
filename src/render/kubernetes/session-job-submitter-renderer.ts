/**
 * The KUBERNETES rendering of a FlinkSessionJob: the submitter Job.
 */
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ArgoCdSyncWave } from '../../argo-cd';
import { lazyObject } from '../_lazy-objects';
import { BackendRendering, RenderSource, ResourceRenderer } from '../_resource-renderer';
import { sessionJobSubmitter } from './_session-job-submitter';
import { standaloneSessionJobErrors } from './_standalone-unsupported';

/**
 * Renders a session job as a Job that submits it to its standalone session
 * cluster. The Job's name carries a hash of its spec: a changed session
 * job is a new Job (Job templates are immutable), which cancels the old
 * version of the job and submits the new one.
 */
export class SessionJobSubmitterRenderer implements ResourceRenderer {
  /**
   * @param built the session job manifest built from the props at creation
   * @param deploymentName the session cluster's name
   * @param restService the session cluster's REST Service
   * @param deployment the session cluster's mutated manifest
   */
  constructor(
    private readonly built: any,
    private readonly deploymentName: string,
    private readonly restService: string,
    private readonly deployment: () => any) {}

  public createObjects(owner: Construct, source: RenderSource): ApiObject[] {
    const initial = sessionJobSubmitter(this.built, { metadata: { name: this.deploymentName } }, this.restService);
    // The Job's name carries a hash of its spec, read from the rendering of this synth.
    const job = lazyObject(owner, 'Resource', initial, () => source.rendered(), ArgoCdSyncWave.JOBS,
      () => source.current()?.metadata.name ?? initial.metadata.name);
    return [job];
  }

  public render(manifest: any): BackendRendering {
    const errors = standaloneSessionJobErrors(manifest);
    const deployment = this.deployment();
    if (errors.length > 0 || deployment === undefined) {
      return { errors };
    }
    return { errors: [], rendering: sessionJobSubmitter(manifest, deployment, this.restService) };
  }
}
