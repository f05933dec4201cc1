import { describeValue } from './manifest/_describe';
import { OperatorVersion } from './operator-version';

/**
 * A Flink version as the Flink Kubernetes Operator names it in
 * `spec.flinkVersion` (`v1_20`, `v2_2`, ...).
 *
 * The constants are the versions the newest supported operator release
 * (1.16) lists in its CRD; use `FlinkVersion.of()` for a newer one. Which
 * versions a resource may use follows the app's target operator release
 * (`OperatorVersion`): its CRD's list is the only source, and a version it
 * does not list is a synth error.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.16/docs/custom-resource/reference/#flinkversion
 */
export class FlinkVersion {
  /** Flink 1.13 (not supported by the operator any more). */
  public static readonly V1_13 = new FlinkVersion('v1_13');
  /** Flink 1.14 (not supported by the operator any more). */
  public static readonly V1_14 = new FlinkVersion('v1_14');
  /** Flink 1.15 (deprecated by the operator). */
  public static readonly V1_15 = new FlinkVersion('v1_15');
  /** Flink 1.16 (deprecated by the operator). */
  public static readonly V1_16 = new FlinkVersion('v1_16');
  /** Flink 1.17 (deprecated by the operator). */
  public static readonly V1_17 = new FlinkVersion('v1_17');
  /** Flink 1.18 (deprecated by the operator). */
  public static readonly V1_18 = new FlinkVersion('v1_18');
  /** Flink 1.19. */
  public static readonly V1_19 = new FlinkVersion('v1_19');
  /** Flink 1.20. */
  public static readonly V1_20 = new FlinkVersion('v1_20');
  /** Flink 2.0. */
  public static readonly V2_0 = new FlinkVersion('v2_0');
  /** Flink 2.1. */
  public static readonly V2_1 = new FlinkVersion('v2_1');
  /** Flink 2.2. */
  public static readonly V2_2 = new FlinkVersion('v2_2');
  /** Flink 2.3 (from operator 1.16). */
  public static readonly V2_3 = new FlinkVersion('v2_3');
  /** Flink 2.4 (from operator 1.16). */
  public static readonly V2_4 = new FlinkVersion('v2_4');

  /**
   * A version given by its operator name, for versions newer than this
   * library's constants.
   *
   * @param value the operator's name of the version, `v<major>_<minor>` (e.g. `v2_3`)
   * @throws if the value is not of the form `v<major>_<minor>`
   */
  public static of(value: string): FlinkVersion {
    const known = FlinkVersion.KNOWN.find((v) => v.value === value);
    return known ?? new FlinkVersion(value);
  }

  private static get KNOWN(): FlinkVersion[] {
    return [
      FlinkVersion.V1_13, FlinkVersion.V1_14, FlinkVersion.V1_15, FlinkVersion.V1_16,
      FlinkVersion.V1_17, FlinkVersion.V1_18, FlinkVersion.V1_19, FlinkVersion.V1_20,
      FlinkVersion.V2_0, FlinkVersion.V2_1, FlinkVersion.V2_2, FlinkVersion.V2_3, FlinkVersion.V2_4,
    ];
  }

  /** The operator's name of the version, as rendered in `spec.flinkVersion`. */
  public readonly value: string;
  /** The major version (1 for `v1_20`). */
  public readonly major: number;
  /** The minor version (20 for `v1_20`). */
  public readonly minor: number;

  private constructor(value: string) {
    const match = /^v(\d+)_(\d+)$/.exec(value);
    if (!match) {
      throw new Error(`FlinkVersion must look like 'v<major>_<minor>' (e.g. 'v2_3'), got ${describeValue(value)}`);
    }
    this.value = value;
    this.major = Number(match[1]);
    this.minor = Number(match[2]);
  }

  /**
   * Whether the targeted operator release still runs this version
   * (it dropped Flink 1.13 and 1.14).
   */
  public get isSupported(): boolean {
    return this.isEqualOrNewer(FlinkVersion.V1_15);
  }

  /**
   * Whether the targeted operator release deprecates this version
   * (Flink 1.15 to 1.18 still run but are deprecated).
   */
  public get isDeprecated(): boolean {
    return this.isSupported && !this.isEqualOrNewer(FlinkVersion.V1_19);
  }

  /**
   * Whether the newest supported operator release (`OperatorVersion.LATEST`)
   * lists the version in its CRD; a newer version is only accepted by a
   * newer operator.
   */
  public get isKnownToOperator(): boolean {
    return this.isListedBy(OperatorVersion.LATEST);
  }

  /**
   * Whether an operator release lists the version in its FlinkDeployment
   * CRD (`spec.flinkVersion`), so its API server accepts it.
   *
   * @param operatorVersion the operator release
   */
  public isListedBy(operatorVersion: OperatorVersion): boolean {
    // The CRDs load when a version is first checked, not when the library is required.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { crdEnum } = require('./manifest/_operator-crds') as typeof import('./manifest/_operator-crds');
    return (crdEnum(operatorVersion, 'FlinkDeployment', 'spec.flinkVersion') ?? []).includes(this.value);
  }

  /**
   * Whether this version is the same as or newer than another one.
   *
   * @param other the version to compare with
   */
  public isEqualOrNewer(other: FlinkVersion): boolean {
    return this.major > other.major || (this.major === other.major && this.minor >= other.minor);
  }

  /** The operator's name of the version. */
  public toString(): string {
    return this.value;
  }
}
