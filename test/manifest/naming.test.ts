import { Size } from 'cdk8s';
import { RESOURCE_NAME_PATTERN, resourceNameFromId } from '../../src/manifest/_naming';
import { flinkMemory, kubernetesQuantity } from '../../src/props/_size';

describe('resource names derived from construct ids', () => {
  test.each([
    ['wordcount', 'wordcount'],
    ['WordCount', 'word-count'],
    ['state_machine.v2', 'state-machine-v2'],
    ['9lives', 'flink-9lives'],
    ['--Top--', 'top'],
    ['x', 'x'],
  ])('%j becomes %j', (id, name) => {
    expect(resourceNameFromId(id)).toEqual(name);
    expect(name).toMatch(RESOURCE_NAME_PATTERN);
  });

  test('long ids are shortened with a stable hash and still differ', () => {
    const a = resourceNameFromId('a-very-long-construct-id-for-the-payments-fraud-detection-job');
    const b = resourceNameFromId('a-very-long-construct-id-for-the-payments-fraud-detection-job2');
    expect(a).toMatch(RESOURCE_NAME_PATTERN);
    expect(a.length).toBeLessThanOrEqual(45);
    expect(a).not.toEqual(b);
    expect(resourceNameFromId('a-very-long-construct-id-for-the-payments-fraud-detection-job')).toEqual(a);
  });

  test.each(['', '___', '123', 'Ä', '-'.repeat(100), 'A'.repeat(200)])('%j yields a valid name', (id) => {
    expect(resourceNameFromId(id)).toMatch(RESOURCE_NAME_PATTERN);
  });
});

describe('sizes', () => {
  test.each([
    [Size.mebibytes(2048), '2048m'],
    [Size.gibibytes(2), '2048m'],
    [Size.kibibytes(1536), '1536k'],
    [Size.mebibytes(1.5), '1536k'],
  ])('Flink memory %# renders %s', (size, text) => {
    expect(flinkMemory(size)).toEqual(text);
  });

  test.each([
    [Size.gibibytes(2), '2Gi'],
    [Size.mebibytes(512), '512Mi'],
    [Size.kibibytes(100), '100Ki'],
  ])('Kubernetes quantity %# renders %s', (size, text) => {
    expect(kubernetesQuantity(size)).toEqual(text);
  });

  test('a zero memory size throws', () => {
    expect(() => flinkMemory(Size.mebibytes(0))).toThrow(/memory must be a positive whole number of kibibytes, got 0 KiB/);
  });
});
