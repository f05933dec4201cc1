/**
 * What the library says about one case: the pipeline `cdk8s-flink validate`
 * runs (default mutator, then default validator), on one manifest.
 */
import { upstreamOperatorConfiguration } from '../../src/manifest/_configuration';
import { runPipeline } from '../../src/hooks/_pipeline';
import { OperatorVersion } from '../../src/operator-version';
import { ConformanceCase } from './case';

/**
 * The operator version whose rules the library is compared with: the only
 * version of org.apache.flink:flink-kubernetes-operator that Maven Central
 * serves (pom.xml), and the one place it is handed to the library.
 */
export const OPERATOR_VERSION = '1.16.1';

/** The library's verdict on a case. */
export interface LibraryAnswer {
  readonly verdict: 'accept' | 'reject';
  /** The first message (the one the operator's webhook would report). */
  readonly message?: string;
  /** Every message. */
  readonly messages: readonly string[];
  /** The labels after the default mutator. */
  readonly mutatedLabels?: Record<string, string>;
}

/** The operator configuration both sides use for a case (the upstream chart's defaults when the case has none). */
export function caseOperatorConfiguration(c: ConformanceCase): Record<string, string> {
  return { ...(c.operatorConfiguration ?? upstreamOperatorConfiguration(OperatorVersion.of(OPERATOR_VERSION))) };
}

/** Runs the library's pipeline on a case. */
export function libraryAnswer(c: ConformanceCase): LibraryAnswer {
  const { manifest, errors } = runPipeline({
    kind: c.kind,
    manifest: c.resource,
    sessionDeployment: c.sessionDeployment,
    snapshotTarget: c.snapshotTarget,
    source: c.source,
    hooks: {
      defaultMutator: true,
      defaultValidator: true,
      mutators: [],
      validators: [],
      stateSnapshotValidators: [],
      listeners: [],
      operatorConfiguration: caseOperatorConfiguration(c),
      operatorVersion: OperatorVersion.of(OPERATOR_VERSION),
      // The operator's admission rules only, as `cdk8s-flink validate --policy operator`.
      libraryPolicy: false,
    },
  });
  return {
    verdict: errors.length > 0 ? 'reject' : 'accept',
    message: errors[0],
    messages: errors,
    mutatedLabels: manifest?.metadata?.labels,
  };
}
