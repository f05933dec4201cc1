// The pure parts of the cluster test harness (npm run test:cluster): field comparison and sync order.
import { KubeObject } from './api-client';
import { lastAppliedConfiguration } from './client-side-apply';
import { diffSentFields } from './field-diff';
import { syncPasses } from './sync-order';

describe('diffSentFields', () => {
  test('fields the server added are neither pruned nor changed', () => {
    expect(diffSentFields({ spec: { a: 1 } }, { spec: { a: 1, b: 2 }, status: {} })).toEqual({ pruned: [], changed: [], omittedZero: [] });
  });

  test('a sent field missing from the answer is pruned, with its path', () => {
    const sent = { spec: { 'containers': [{ name: 'c', ports: [{ containerPort: 1, bogus: true }] }], 'a.b': { x: 1 } } };
    const back = { spec: { 'containers': [{ name: 'c', ports: [{ containerPort: 1 }] }], 'a.b': {} } };
    expect(diffSentFields(sent, back).pruned).toEqual(['.spec.containers[0].ports[0].bogus', '.spec["a.b"].x']);
  });

  test('a shorter list, or a map that came back as a scalar, is pruned', () => {
    expect(diffSentFields({ l: [1, 2] }, { l: [1] }).pruned).toEqual(['.l[1]']);
    expect(diffSentFields({ m: { a: 1 } }, { m: 'x' }).pruned).toEqual(['.m']);
  });

  test('a changed scalar is normalized, not pruned; null asks for nothing', () => {
    expect(diffSentFields({ cpu: 0.5, gone: null }, { cpu: '500m' })).toEqual({ pruned: [], changed: ['.cpu: 0.5 -> "500m"'], omittedZero: [] });
  });

  test('a zero value the server left out is omitted, not pruned', () => {
    expect(diffSentFields({ env: [{ name: 'A', value: '' }], priority: 0, x: 1 }, { env: [{ name: 'A' }] }))
      .toEqual({ pruned: ['.x'], changed: [], omittedZero: ['.env[0].value', '.priority'] });
  });
});

describe('syncPasses', () => {
  const obj = (kind: string, name: string, wave?: string, apiVersion = 'v1'): KubeObject => ({
    apiVersion, kind, metadata: { name, ...(wave === undefined ? {} : { annotations: { 'argocd.argoproj.io/sync-wave': wave } }) },
  });

  test('namespaces and CRDs first, then wave and kind order, webhook configurations last', () => {
    const passes = syncPasses([
      obj('ValidatingWebhookConfiguration', 'v', '-5', 'admissionregistration.k8s.io/v1'),
      obj('Deployment', 'd', '-1', 'apps/v1'),
      obj('Service', 's', '-1'),
      obj('FlinkDeployment', 'f', undefined, 'flink.apache.org/v1beta1'),
      obj('CustomResourceDefinition', 'c', '-10', 'apiextensions.k8s.io/v1'),
      obj('Namespace', 'n'),
      obj('Certificate', 'cert', '-3', 'cert-manager.io/v1'),
    ]);
    expect(passes.map((p) => p.map((o) => o.metadata.name))).toEqual([['c', 'n'], ['cert', 's', 'd', 'f'], ['v']]);
  });
});

describe('lastAppliedConfiguration', () => {
  test('is Go JSON (HTML characters escaped) with a newline, as kubectl writes it', () => {
    expect(lastAppliedConfiguration({ apiVersion: 'v1', kind: 'X', metadata: { name: 'a<b>&c' } }))
      .toBe('{"apiVersion":"v1","kind":"X","metadata":{"name":"a\\u003cb\\u003e\\u0026c"}}\n');
  });
});
