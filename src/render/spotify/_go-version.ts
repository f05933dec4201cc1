/**
 * Version strings as the spotify operator reads `spec.flinkVersion`: with
 * hashicorp/go-version (v1.9.0) `NewVersion` and `Compare`, so that `1.18`,
 * `v1.18` and `1.18.1-rc1` parse and `1.x` does not, with the library's
 * error message.
 *
 * @see https://github.com/hashicorp/go-version/blob/v1.9.0/version.go
 */

/** A parsed version: numeric segments (at least three, zero-padded) and the prerelease part. */
export interface GoVersion {
  readonly segments: readonly bigint[];
  readonly prerelease: string;
}

/** `VersionRegexpRaw`, anchored as `NewVersion` uses it. */
const VERSION = new RegExp(
  '^v?([0-9]+(\\.[0-9]+)*?)'
  + '(-([0-9]+[0-9A-Za-z\\-~]*(\\.[0-9A-Za-z\\-~]+)*)|(-?([A-Za-z\\-~]+[0-9A-Za-z\\-~]*(\\.[0-9A-Za-z\\-~]+)*)))?'
  + '(\\+([0-9A-Za-z\\-~]+(\\.[0-9A-Za-z\\-~]+)*))?'
  + '?$',
);

const INT64_MAX = 2n ** 63n - 1n;

/** `version.NewVersion(text)`: the version, or the error message it fails with. */
export function parseGoVersion(text: string): GoVersion | { readonly error: string } {
  const match = VERSION.exec(text);
  if (match === null) {
    return { error: `malformed version: ${text}` };
  }
  const segments: bigint[] = [];
  for (const segment of match[1].split('.')) {
    const value = BigInt(segment);
    if (value > INT64_MAX) {
      return { error: `error parsing version: strconv.ParseInt: parsing "${segment}": value out of range` };
    }
    segments.push(value);
  }
  while (segments.length < 3) {
    segments.push(0n);
  }
  return { segments, prerelease: match[7] || match[4] || '' };
}

/** `a.LessThan(b)`. */
export function goVersionLessThan(a: GoVersion, b: GoVersion): boolean {
  return compare(a, b) < 0;
}

function compare(a: GoVersion, b: GoVersion): number {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i++) {
    // A missing segment of the shorter version counts as zero.
    const left = a.segments[i] ?? 0n;
    const right = b.segments[i] ?? 0n;
    if (left !== right) {
      return left < right ? -1 : 1;
    }
  }
  // Only versions with as many segments are told apart by their prerelease.
  if (a.segments.length !== b.segments.length || a.prerelease === b.prerelease) {
    return 0;
  }
  if (a.prerelease === '') {
    return 1;
  }
  if (b.prerelease === '') {
    return -1;
  }
  return comparePrereleases(a.prerelease, b.prerelease);
}

/** `comparePrereleases`: dot-separated parts compared one by one. */
function comparePrereleases(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const result = comparePart(left[i] ?? '', right[i] ?? '');
    if (result !== 0) {
      return result;
    }
  }
  return 0;
}

/** `comparePart`: numeric parts below textual ones, an absent part decided by the other. */
function comparePart(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  const aNumeric = /^[+-]?[0-9]+$/.test(a);
  const bNumeric = /^[+-]?[0-9]+$/.test(b);
  if (a === '') {
    return bNumeric ? -1 : 1;
  }
  if (b === '') {
    return aNumeric ? 1 : -1;
  }
  if (aNumeric && !bNumeric) {
    return -1;
  }
  if (!aNumeric && bNumeric) {
    return 1;
  }
  if (!aNumeric && !bNumeric) {
    return a > b ? 1 : -1;
  }
  return BigInt(a) > BigInt(b) ? 1 : -1;
}
