import { describeValue } from './manifest/_describe';

/**
 * A release of the Flink Kubernetes Operator that the library targets.
 *
 * One target per app: the CRDs a resource is checked against, the Flink
 * versions and enums it may use, the admission rules and the Helm chart of
 * a `FlinkOperator` all follow it. A `FlinkOperator` in the app sets it
 * (its `version` prop); without one, `FlinkHooks.of(scope).useOperatorVersion()`
 * does; the default is the newest supported release, `OperatorVersion.V1_16`.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.16/
 */
export class OperatorVersion {
  /** Flink Kubernetes Operator 1.15.0. */
  public static readonly V1_15 = new OperatorVersion('1.15.0');
  /** Flink Kubernetes Operator 1.16.1. */
  public static readonly V1_16 = new OperatorVersion('1.16.1');

  /** The newest supported release, the default target. */
  public static readonly LATEST = OperatorVersion.V1_16;

  /** Every supported release, oldest first. */
  public static all(): OperatorVersion[] {
    return [OperatorVersion.V1_15, OperatorVersion.V1_16];
  }

  /**
   * A supported release by its version: the minor line (`'1.16'`) or the
   * exact release (`'1.16.1'`), with or without a leading `v`.
   *
   * @param version `'1.15'`, `'1.15.0'`, `'1.16'` or `'1.16.1'`
   * @throws if the library does not support that release
   */
  public static of(version: string): OperatorVersion {
    const given = typeof version === 'string' ? version.trim().replace(/^v/, '') : undefined;
    const found = OperatorVersion.all().find((v) => v.version === given || v.minorVersion === given);
    if (!found) {
      const supported = OperatorVersion.all().map((v) => `'${v.minorVersion}' (${v.version})`).join(', ');
      throw new Error(`unsupported Flink Kubernetes Operator version ${describeValue(version)}; supported: ${supported}`);
    }
    return found;
  }

  /** The exact release, e.g. `'1.16.1'`. */
  public readonly version: string;
  /** The minor line, e.g. `'1.16'`. */
  public readonly minorVersion: string;
  /** The major version (1). */
  public readonly major: number;
  /** The minor version (16 for 1.16.1). */
  public readonly minor: number;

  private constructor(version: string) {
    const [major, minor] = version.split('.').map(Number);
    this.version = version;
    this.major = major;
    this.minor = minor;
    this.minorVersion = `${major}.${minor}`;
  }

  /**
   * Whether this release is the same minor line as another one or newer.
   *
   * @param other the release to compare with
   */
  public isAtLeast(other: OperatorVersion): boolean {
    return this.major > other.major || (this.major === other.major && this.minor >= other.minor);
  }

  /** The exact release, e.g. `'1.16.1'`. */
  public toString(): string {
    return this.version;
  }
}
