import { flinkMemorySize, memoryBytes, memoryQuantity } from '../../src/render/_memory';

describe('memory sizes as the operator reads resource.memory', () => {
  test.each([
    ['2048m', BigInt(2048 * 2 ** 20), '2048Mi', '2048m'],
    ['2g', BigInt(2 * 2 ** 30), '2048Mi', '2048m'],
    ['1073741824', BigInt(2 ** 30), '1024Mi', '1024m'],
    ['1536k', BigInt(1536 * 1024), '1536Ki', '1572864b'],
    ['2Gi', BigInt(2 * 2 ** 30), '2Gi', '2048m'],
    ['1.5Gi', BigInt(1.5 * 2 ** 30), '1.5Gi', '1536m'],
    ['500M', BigInt(500 * 2 ** 20), '500Mi', '500m'],
  ])('%s: %s bytes, quantity %s, Flink %s', (text, bytes, quantity, flink) => {
    expect(memoryBytes(text)).toBe(bytes);
    expect(memoryQuantity(text)).toBe(quantity);
    expect(flinkMemorySize(text)).toBe(flink);
  });

  test.each(['lots', '', '8796093022208m', '-1g'])('%j is no memory size', (text) => {
    expect(memoryBytes(text)).toBeUndefined();
    expect(flinkMemorySize(text)).toBeUndefined();
  });
});
