import { flinkMemorySize, memoryBytes, memoryQuantity, resourceMemoryError } from '../../src/jvm/_quantity';

describe('memory sizes as the operator reads resource.memory', () => {
  test.each([
    ['2048m', BigInt(2048 * 2 ** 20), '2048Mi', '2048m'],
    ['2g', BigInt(2 * 2 ** 30), '2048Mi', '2048m'],
    ['1073741824', BigInt(2 ** 30), '1024Mi', '1024m'],
    ['1536k', BigInt(1536 * 1024), '1536Ki', '1572864b'],
    ['2Gi', BigInt(2 * 2 ** 30), '2Gi', '2048m'],
    ['500M', BigInt(500 * 2 ** 20), '500Mi', '500m'],
  ])('%s: %s bytes, quantity %s, Flink %s', (text, bytes, quantity, flink) => {
    expect(memoryBytes(text)).toBe(bytes);
    expect(memoryQuantity(text)).toBe(quantity);
    expect(flinkMemorySize(text)).toBe(flink);
  });

  test.each(['lots', '', '-1g', '1.5Gi'])('%j is no memory size', (text) => {
    expect(memoryBytes(text)).toBeUndefined();
    expect(flinkMemorySize(text)).toBeUndefined();
  });

  test('a fractional quantity is read exactly, as BigDecimal: 1.5Gi is 1610612736.0 bytes, which is no Flink memory size', () => {
    expect(resourceMemoryError('1.5Gi')).toMatch(/^Memory size unit '\.0' does not match any of the recognized units/);
    expect(memoryQuantity('1.5Gi')).toEqual('1.5Gi');
  });

  test('a Flink size over a Java long is read as a Kubernetes quantity of megabytes, as the operator does', () => {
    expect(resourceMemoryError('8796093022208m')).toBeUndefined();
    expect(memoryBytes('8796093022208m')).toBe(8796093022208n * 10n ** 6n);
    expect(flinkMemorySize('8796093022208m')).toEqual('8388608000000m');
  });

  test('the renderers read memory as the validator does: a size renders exactly when the validator accepts it', () => {
    for (const text of ['2048m', '2g', '1536k', '2Gi', '500M', '1e9', '1G', '1.5Gi', '0.5Gi', '1024.5m', 'lots', '8796093022208m', '1Ki']) {
      expect([text, memoryBytes(text) !== undefined]).toEqual([text, resourceMemoryError(text) === undefined]);
    }
  });
});
