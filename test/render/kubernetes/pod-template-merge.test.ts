import { mergePodTemplates } from '../../../src/render/kubernetes/_pod-template-merge';

// The operator's FlinkUtilsTest / FlinkConfigBuilderTest merge cases and the
// pod-template documentation's examples (release 1.15.0), then the edge
// cases of FlinkUtils.mergeInto.

/** `TestUtils.getTestPodTemplate(hostname, containers)`. */
function testPodTemplate(hostname: string, containers: any[]): any {
  return { spec: { hostname, containers } };
}

const c = (name: string, extra: object = {}) => ({ name, ...extra });

describe('FlinkUtilsTest', () => {
  test('testMergePods: the override\'s containers replace an empty list', () => {
    const merged = mergePodTemplates(
      testPodTemplate('pod1 hostname', []),
      testPodTemplate('pod2 hostname', [c('container1'), c('container2')]),
      false,
    );
    expect(merged).toEqual(testPodTemplate('pod2 hostname', [c('container1'), c('container2')]));
  });

  test('testMergePodUsingArrayName: containers and volumes merged by name', () => {
    const base = testPodTemplate('pod1 hostname', [c('container1'), c('container2')]);
    base.spec.volumes = [{ name: 'v1', ephemeral: {} }];
    const override = testPodTemplate('pod2 hostname', [c('container1'), c('container3')]);
    override.spec.volumes = [{ name: 'v1', emptyDir: {} }, { name: 'v2' }, { name: 'v3' }];

    const merged = mergePodTemplates(base, override, true);
    expect(merged.spec.containers).toEqual([c('container1'), c('container2'), c('container3')]);
    expect(merged.spec.volumes).toEqual([{ name: 'v1', ephemeral: {}, emptyDir: {} }, { name: 'v2' }, { name: 'v3' }]);
  });
});

describe('FlinkConfigBuilderTest.testApplyCommonPodTemplate', () => {
  const main = c('flink-main-container', { image: 'test' });
  test.each<[string, any, any, any]>([
    ['common only', testPodTemplate('', [c('c0')]), undefined, testPodTemplate('', [c('c0')])],
    ['override only', undefined, testPodTemplate('', [main, c('c0')]), testPodTemplate('', [main, c('c0')])],
    ['override independently (TaskManager)', undefined, testPodTemplate('', [c('c1')]), testPodTemplate('', [c('c1')])],
    ['override common: dnsPolicy from the common template, containers from the override',
      { spec: { hostname: '', containers: [], dnsPolicy: 'test' } },
      testPodTemplate('', [main, c('c0')]),
      { spec: { hostname: '', dnsPolicy: 'test', containers: [main, c('c0')] } }],
    ['neither', undefined, undefined, undefined],
  ])('%s', (_case, base, override, expected) => {
    expect(mergePodTemplates(base, override)).toEqual(expected);
  });
});

describe('pod-template.md: arrays', () => {
  const arr1 = [{ name: 'a', p1: 'v1' }, { name: 'b', p1: 'v1' }];
  const arr2 = [{ name: 'a', p2: 'v2' }, { name: 'c', p2: 'v2' }];
  test.each<[string, boolean, any[]]>([
    ['by position (default)', false, [{ name: 'a', p1: 'v1', p2: 'v2' }, { name: 'c', p1: 'v1', p2: 'v2' }]],
    ['by name', true, [{ name: 'a', p1: 'v1', p2: 'v2' }, { name: 'b', p1: 'v1' }, { name: 'c', p2: 'v2' }]],
  ])('%s', (_case, byName, expected) => {
    expect(mergePodTemplates({ arr1 }, { arr1: arr2 }, byName)).toEqual({ arr1: expected });
  });
});

describe('FlinkUtils.mergeInto', () => {
  test.each<[string, any, any, any]>([
    ['objects are deep-merged, the override wins on scalars',
      { metadata: { labels: { a: '1', b: '1' } }, spec: { hostname: 'x' } },
      { metadata: { labels: { b: '2', c: '2' } }, spec: { dnsPolicy: 'None' } },
      { metadata: { labels: { a: '1', b: '2', c: '2' } }, spec: { hostname: 'x', dnsPolicy: 'None' } }],
    ['a null in the override clears nothing',
      { spec: { hostname: 'x', securityContext: { runAsUser: 1 } } },
      { spec: { hostname: null, securityContext: null } },
      { spec: { hostname: 'x', securityContext: { runAsUser: 1 } } }],
    ['an empty array in the override clears nothing',
      { spec: { containers: [c('a')], hostAliases: [{ ip: '1.1.1.1' }] } },
      { spec: { containers: [], hostAliases: [] } },
      { spec: { containers: [c('a')], hostAliases: [{ ip: '1.1.1.1' }] } }],
    ['nulls and empty arrays of the base are dropped',
      { spec: { hostname: null, containers: [] } }, { spec: {} }, { spec: {} }],
    ['an empty object in the override leaves the base object',
      { spec: { securityContext: { runAsUser: 1 } } }, { spec: { securityContext: {} } },
      { spec: { securityContext: { runAsUser: 1 } } }],
    ['an empty object is kept where the base has nothing',
      { spec: {} }, { spec: { volumes: [{ name: 'v', emptyDir: {} }] } },
      { spec: { volumes: [{ name: 'v', emptyDir: {} }] } }],
    ['a base object is kept when the override has a scalar there',
      { spec: { affinity: { nodeAffinity: {} } } }, { spec: { affinity: 'none' } },
      { spec: { affinity: { nodeAffinity: {} } } }],
    ['a base object is kept when the override has an array there',
      { spec: { affinity: { nodeAffinity: {} } } }, { spec: { affinity: [1] } },
      { spec: { affinity: { nodeAffinity: {} } } }],
    ['a base array is replaced by an override object',
      { spec: { tolerations: [{ key: 'a' }] } }, { spec: { tolerations: { key: 'b' } } },
      { spec: { tolerations: { key: 'b' } } }],
    ['a base scalar is replaced by an override object',
      { spec: { priority: 1 } }, { spec: { priority: { value: 2 } } }, { spec: { priority: { value: 2 } } }],
    ['objects in arrays are merged by position, names ignored',
      { spec: { containers: [c('main', { image: 'a', args: ['x'] }), c('side', { image: 's' })] } },
      { spec: { containers: [c('other', { image: 'b' })] } },
      { spec: { containers: [c('other', { image: 'b', args: ['x'] }), c('side', { image: 's' })] } }],
    ['scalars in arrays are never replaced: only the extra ones are appended',
      { spec: { containers: [c('main', { args: ['a', 'b'] })] } },
      { spec: { containers: [c('main', { args: ['c', 'd', 'e'] })] } },
      { spec: { containers: [c('main', { args: ['a', 'b', 'e'] })] } }],
    ['a shorter override array leaves the base\'s tail',
      { spec: { containers: [c('main', { command: ['a', 'b'] })] } },
      { spec: { containers: [c('main', { command: ['z'] })] } },
      { spec: { containers: [c('main', { command: ['a', 'b'] })] } }],
    ['a null element in the base array is kept, even against an object',
      { list: [null, { a: 1 }] }, { list: [{ b: 2 }, { b: 2 }] }, { list: [null, { a: 1, b: 2 }] }],
    ['an object element in the base is kept against a scalar',
      { list: [{ a: 1 }] }, { list: ['x', 'y'] }, { list: [{ a: 1 }, 'y'] }],
    ['top-level scalars and arrays are replaced',
      { apiVersion: 'v1' }, { apiVersion: 'v2', kind: 'PodTemplate' }, { apiVersion: 'v2', kind: 'PodTemplate' }],
  ])('%s', (_case, base, override, expected) => {
    expect(mergePodTemplates(base, override)).toEqual(expected);
  });
});

describe('kubernetes.operator.pod-template.merge-arrays-by-name', () => {
  test.each<[string, any, any, any]>([
    ['containers and env merged by name, the base\'s order first',
      { spec: { containers: [c('main', { env: [{ name: 'A', value: '1' }, { name: 'B', value: '1' }] }), c('side')] } },
      { spec: { containers: [c('init'), c('main', { image: 'i', env: [{ name: 'B', value: '2' }, { name: 'C', value: '2' }] })] } },
      {
        spec: {
          containers: [
            c('main', { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '2' }], image: 'i' }),
            c('side'),
            c('init'),
          ],
        },
      }],
    ['by position when one element of the override has no name',
      { spec: { containers: [c('a'), c('b', { image: 'b' })] } },
      { spec: { containers: [{ image: 'x' }] } },
      { spec: { containers: [c('a', { image: 'x' }), c('b', { image: 'b' })] } }],
    ['by position when one element of the base has no name',
      { spec: { containers: [{ image: 'x' }, c('b')] } },
      { spec: { containers: [c('z')] } },
      { spec: { containers: [{ image: 'x', name: 'z' }, c('b')] } }],
    ['a null name is no name',
      { spec: { containers: [c('a')] } },
      { spec: { containers: [{ name: null, image: 'x' }] } },
      { spec: { containers: [c('a', { image: 'x' })] } }],
    ['scalar arrays are merged by position',
      { spec: { containers: [c('m', { args: ['a'] })] } },
      { spec: { containers: [c('m', { args: ['b', 'c'] })] } },
      { spec: { containers: [c('m', { args: ['a', 'c'] })] } }],
    ['a name repeated in the base keeps its first place and its last element',
      { volumes: [{ name: 'v', a: 1 }, { name: 'w' }, { name: 'v', b: 1 }] },
      { volumes: [{ name: 'x' }] },
      { volumes: [{ name: 'v', b: 1 }, { name: 'w' }, { name: 'x' }] }],
    ['a name repeated in the override: its last element is merged',
      { volumes: [{ name: 'v', a: 1 }] },
      { volumes: [{ name: 'v', b: 1 }, { name: 'v', c: 1 }] },
      { volumes: [{ name: 'v', a: 1, c: 1 }] }],
    ['names compare as text',
      { ports: [{ name: 1, a: 1 }] }, { ports: [{ name: '1', b: 1 }] }, { ports: [{ name: '1', a: 1, b: 1 }] }],
    ['an object name reads as empty text',
      { ports: [{ name: {}, a: 1 }] }, { ports: [{ name: { k: 1 }, b: 1 }] }, { ports: [{ name: { k: 1 }, a: 1, b: 1 }] }],
    ['an element appended by position is merged with itself: its repeated names collapse',
      { containers: [{ image: 'x' }] },
      { containers: [{ image: 'y' }, c('c', { env: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] })] },
      { containers: [{ image: 'y' }, c('c', { env: [{ name: 'A', value: '2' }] })] }],
  ])('%s', (_case, base, override, expected) => {
    expect(mergePodTemplates(base, override, true)).toEqual(expected);
  });

  test('without the flag, the same repeated names survive', () => {
    const override = { containers: [{ image: 'y' }, c('c', { env: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] })] };
    expect(mergePodTemplates({ containers: [{ image: 'x' }] }, override, false)).toEqual(override);
  });
});

describe('inputs and output', () => {
  test.each<[string, any, any, any]>([
    ['undefined base: the override', undefined, { spec: { hostname: 'x' } }, { spec: { hostname: 'x' } }],
    ['null base: the override', null, { spec: { hostname: 'x' } }, { spec: { hostname: 'x' } }],
    ['undefined override: the base', { spec: { hostname: 'x' } }, undefined, { spec: { hostname: 'x' } }],
    ['a missing one is read as the operator reads it', { spec: { hostname: null, containers: [] } }, undefined, { spec: {} }],
    ['empty objects', {}, {}, {}],
    ['empty base', {}, { metadata: { labels: { a: 'b' } } }, { metadata: { labels: { a: 'b' } } }],
    ['empty override', { metadata: { labels: { a: 'b' } } }, {}, { metadata: { labels: { a: 'b' } } }],
    ['undefined members are dropped', { spec: { hostname: undefined } }, { metadata: undefined }, { spec: {} }],
  ])('%s', (_case, base, override, expected) => {
    expect(mergePodTemplates(base, override)).toEqual(expected);
  });

  test('the inputs are not mutated and not shared with the result', () => {
    const base = { spec: { containers: [c('main', { env: [{ name: 'A', value: '1' }] })] } };
    const override = { spec: { containers: [c('main', { env: [{ name: 'B', value: '2' }] }), c('side')] } };
    const [baseText, overrideText] = [JSON.stringify(base), JSON.stringify(override)];
    for (const byName of [false, true]) {
      const merged = mergePodTemplates(base, override, byName);
      merged.spec.containers[1].image = 'changed';
      merged.spec.containers[0].env.push({ name: 'Z' });
    }
    expect(JSON.stringify(base)).toEqual(baseText);
    expect(JSON.stringify(override)).toEqual(overrideText);
    expect(mergePodTemplates(base, undefined)).not.toBe(base);
  });

  test('deterministic: same inputs, same bytes', () => {
    const base = { spec: { containers: [c('main', { image: 'a' })], volumes: [{ name: 'v', emptyDir: {} }] } };
    const override = { metadata: { labels: { x: 'y' } }, spec: { containers: [c('side')], volumes: [{ name: 'w' }] } };
    expect(JSON.stringify(mergePodTemplates(base, override, true))).toEqual(JSON.stringify(mergePodTemplates(base, override, true)));
  });

  test('a "__proto__" key changes no prototype', () => {
    const override = JSON.parse('{"spec": {"__proto__": {"polluted": true}}}');
    mergePodTemplates({ spec: {} }, override);
    expect(({} as any).polluted).toBeUndefined();
  });
});
