import { FlinkVersion } from '../src';

describe('FlinkVersion', () => {
  test('constants render the operator names', () => {
    expect(FlinkVersion.V1_20.value).toEqual('v1_20');
    expect(FlinkVersion.V2_2.toString()).toEqual('v2_2');
    expect([FlinkVersion.V2_2.major, FlinkVersion.V2_2.minor]).toEqual([2, 2]);
  });

  test('of() returns the constant for a known version and a new value for a newer one', () => {
    expect(FlinkVersion.of('v1_20')).toBe(FlinkVersion.V1_20);
    expect(FlinkVersion.of('v2_4')).toBe(FlinkVersion.V2_4);
    const v25 = FlinkVersion.of('v2_5');
    expect(v25.value).toEqual('v2_5');
    expect(v25.isKnownToOperator).toBe(false);
    expect(FlinkVersion.V2_4.isKnownToOperator).toBe(true);
  });

  test.each(['2.3', 'v2', 'V2_3', 'v2_3_1', ''])('of(%j) throws', (value) => {
    expect(() => FlinkVersion.of(value)).toThrow(/FlinkVersion must look like 'v<major>_<minor>'/);
  });

  test.each([
    [FlinkVersion.V1_13, false, false],
    [FlinkVersion.V1_14, false, false],
    [FlinkVersion.V1_15, true, true],
    [FlinkVersion.V1_18, true, true],
    [FlinkVersion.V1_19, true, false],
    [FlinkVersion.V2_2, true, false],
    [FlinkVersion.V2_4, true, false],
    [FlinkVersion.of('v2_5'), true, false],
  ])('%s supported=%s deprecated=%s', (version, supported, deprecated) => {
    expect(version.isSupported).toBe(supported);
    expect(version.isDeprecated).toBe(deprecated);
  });

  test('isEqualOrNewer compares major before minor', () => {
    expect(FlinkVersion.V2_0.isEqualOrNewer(FlinkVersion.V1_20)).toBe(true);
    expect(FlinkVersion.V1_20.isEqualOrNewer(FlinkVersion.V2_0)).toBe(false);
    expect(FlinkVersion.V1_19.isEqualOrNewer(FlinkVersion.V1_19)).toBe(true);
  });
});
