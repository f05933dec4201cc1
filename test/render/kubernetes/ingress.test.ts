import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { renderIngress } from '../../../src/render/kubernetes/_ingress';

// The operator's IngressUtilsTest and DefaultValidatorTest cases (release
// 1.15.0), then edge cases of the template's java.net.URL parsing.

const NAME = 'test-cluster';
const NAMESPACE = 'flink-operator-test';
const SERVICE = `${NAME}-rest`;
const PORT = 8081;

function render(ingress: any, namespace: string | null = NAMESPACE) {
  return renderIngress(ingress, NAME, namespace ?? undefined, SERVICE, PORT);
}

/** The rendered Ingress, checked against the Kubernetes 1.27 schema. */
function rendered(ingress: any, namespace: string | null = NAMESPACE): any {
  const result = render(ingress, namespace);
  expect(result.errors).toEqual([]);
  expect(() => new Ingress(result.ingress).validate()).not.toThrow();
  return result.ingress;
}

const BACKEND = { service: { name: SERVICE, port: { number: PORT } } };

describe('IngressUtilsTest.testIngress', () => {
  test.each<[string, any, string | undefined, string | undefined]>([
    ['host based routing', { template: '{{name}}.{{namespace}}.example.com' },
      `${NAME}.${NAMESPACE}.example.com`, undefined],
    ['path based routing', {
      template: '/{{namespace}}/{{name}}(/|$)(.*)',
      className: 'nginx',
      annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' },
    }, undefined, `/${NAMESPACE}/${NAME}(/|$)(.*)`],
    ['host + path based routing', {
      template: 'example.com/{{namespace}}/{{name}}(/|$)(.*)',
      className: 'nginx',
      annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' },
    }, 'example.com', `/${NAMESPACE}/${NAME}(/|$)(.*)`],
  ])('%s', (_case, spec, host, path) => {
    const ingress = rendered(spec);
    expect(ingress.spec.rules).toEqual([{
      ...(host === undefined ? {} : { host }),
      http: { paths: [{ ...(path === undefined ? {} : { path }), pathType: 'ImplementationSpecific', backend: BACKEND }] },
    }]);
    expect(ingress.metadata.annotations).toEqual(spec.annotations);
    expect(ingress.spec.ingressClassName).toEqual(spec.className);
  });

  test('the whole Ingress: named after the deployment, labelled component=ingress', () => {
    expect(rendered({ template: '{{name}}.{{namespace}}.example.com' })).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: NAME, namespace: NAMESPACE, labels: { component: 'ingress' } },
      spec: {
        rules: [{
          host: `${NAME}.${NAMESPACE}.example.com`,
          http: { paths: [{ pathType: 'ImplementationSpecific', backend: BACKEND }] },
        }],
      },
    });
  });

  test('no spec.ingress, no Ingress', () => {
    expect(render(undefined)).toEqual({ ingress: undefined, errors: [] });
    expect(render(null)).toEqual({ ingress: undefined, errors: [] });
  });
});

describe('IngressUtilsTest.testIngressUrl', () => {
  test.each<[string, string | undefined, string | undefined]>([
    ['flink.k8s.io/{{namespace}}/{{name}}', 'flink.k8s.io', '/default/basic-ingress'],
    ['/{{namespace}}/{{name}}', undefined, '/default/basic-ingress'],
    ['{{name}}.{{namespace}}.flink.k8s.io', 'basic-ingress.default.flink.k8s.io', undefined],
  ])('%s', (template, host, path) => {
    const ingress = renderIngress({ template }, 'basic-ingress', 'default', 'basic-ingress-rest', PORT).ingress;
    expect(ingress.spec.rules[0].host).toEqual(host);
    expect(ingress.spec.rules[0].http.paths[0].path).toEqual(path);
  });

  test('example.com:port is rejected', () => {
    expect(renderIngress({ template: 'example.com:port' }, 'basic-ingress', 'default', 'basic-ingress-rest', PORT)).toEqual({
      ingress: undefined,
      errors: ['Unable to process the Ingress template(example.com:port). Error: Error at index 0 in: "port"'],
    });
  });
});

describe('IngressUtilsTest.testIngressTls', () => {
  const template = '{{name}}.{{namespace}}.example.com';
  test.each<[string, any[], any[] | undefined]>([
    ['no tls when tls spec is empty', [], undefined],
    ['no hosts: secret only', [{ secretName: 'secret' }], [{ secretName: 'secret' }]],
    ['no secretName: hosts only', [{ hosts: ['example.com'] }], [{ hosts: ['example.com'] }]],
    ['secretName and hosts', [{ hosts: ['example.com'], secretName: 'secret' }],
      [{ hosts: ['example.com'], secretName: 'secret' }]],
    ['secretName and multiple hosts', [{ hosts: ['example.com', 'example2.com'], secretName: 'secret' }],
      [{ hosts: ['example.com', 'example2.com'], secretName: 'secret' }]],
    ['multiple tls', [
      { hosts: ['example.com', 'example2.com'], secretName: 'secret' },
      { hosts: ['example3.com', 'example4.com'], secretName: 'secret2' },
    ], [
      { hosts: ['example.com', 'example2.com'], secretName: 'secret' },
      { hosts: ['example3.com', 'example4.com'], secretName: 'secret2' },
    ]],
    ['empty hosts and null secretName are not serialised', [{ hosts: [], secretName: null }], [{}]],
  ])('%s', (_case, tls, expected) => {
    expect(rendered({ template, tls }).spec.tls).toEqual(expected);
  });
});

describe('DefaultValidatorTest: the operator rejects the template', () => {
  test.each<[string, any, string]>([
    ['no template', {}, 'Ingress template must be defined'],
    ['null template', { template: null }, 'Ingress template must be defined'],
    ['a port that is not a number', { template: 'example.com:port' },
      'Unable to process the Ingress template(example.com:port). Error: Error at index 0 in: "port"'],
    ['a port below -1', { template: 'example.com:-2/x' },
      'Unable to process the Ingress template(example.com:-2/x). Error: Invalid port number :-2'],
    ['a port out of int range', { template: 'example.com:99999999999/x' },
      'Unable to process the Ingress template(example.com:99999999999/x). Error: Error at index 9 in: "99999999999"'],
    ['a malformed IPv6 host', { template: '[zz]/x' },
      'Unable to process the Ingress template([zz]/x). Error: Invalid host: [zz]'],
  ])('%s', (_case, spec, message) => {
    expect(render(spec)).toEqual({ ingress: undefined, errors: [message] });
  });

  test('a valid template passes', () => {
    expect(render({ template: 'example.com/{{namespace}}/{{name}}' }).errors).toEqual([]);
  });
});

describe('the template as java.net.URL reads it', () => {
  test.each<[string, string, string | undefined, string | undefined]>([
    ['placeholders are case-insensitive', '{{NAME}}.{{Namespace}}.example.com', `${NAME}.${NAMESPACE}.example.com`, undefined],
    ['an https:// scheme is kept out of the host', 'HTTPS://example.com/{{name}}', 'example.com', `/${NAME}`],
    ['the port is dropped', 'example.com:8080/{{name}}', 'example.com', `/${NAME}`],
    ['an empty port is fine', 'example.com:/{{name}}', 'example.com', `/${NAME}`],
    ['so is port -1', 'example.com:-1/{{name}}', 'example.com', `/${NAME}`],
    ['user info is dropped', 'user@example.com/{{name}}', 'example.com', `/${NAME}`],
    ['two @ leave no host', 'a@b@example.com/{{name}}', undefined, `/${NAME}`],
    ['the query is cut off the path', 'example.com/{{name}}(/.*)?x', 'example.com', `/${NAME}(/.*)`],
    ['the fragment is cut off the path', 'example.com/{{name}}#frag', 'example.com', `/${NAME}`],
    ['a query right after the host', 'example.com?x=/y', 'example.com', undefined],
    ['surrounding whitespace is trimmed', 'example.com/{{name}}  ', 'example.com', `/${NAME}`],
    ['a root path is kept', 'example.com/', 'example.com', '/'],
    ['absolute paths are not normalised', 'example.com/a/./b/../c', 'example.com', '/a/./b/../c'],
    ['a blank host is no host', ' /{{name}}', undefined, `/${NAME}`],
    ['four slashes: all path', '//{{name}}', undefined, `////${NAME}`],
  ])('%s: %s', (_case, template, host, path) => {
    const rule = render({ template }).ingress.spec.rules[0];
    expect(rule.host).toEqual(host);
    expect(rule.http.paths[0].path).toEqual(path);
  });

  test('an IPv6 literal keeps its brackets', () => {
    expect(render({ template: '[::1]:80/x' }).ingress.spec.rules[0].host).toEqual('[::1]');
  });
});

describe('metadata and spec', () => {
  test('labels are kept; component=ingress always wins', () => {
    expect(rendered({ template: 'example.com', labels: { team: 'data', component: 'mine' } }).metadata.labels)
      .toEqual({ team: 'data', component: 'ingress' });
  });

  test('empty annotations and labels, null values: not rendered', () => {
    const ingress = rendered({ template: 'example.com', annotations: {}, labels: { a: null } });
    expect(ingress.metadata).toEqual({ name: NAME, namespace: NAMESPACE, labels: { component: 'ingress' } });
  });

  test('no rewrite annotation, no regex path are added to a plain path template', () => {
    const ingress = rendered({ template: '/{{namespace}}/{{name}}' });
    expect(ingress.metadata.annotations).toBeUndefined();
    expect(ingress.spec.rules[0].http.paths[0].path).toEqual(`/${NAMESPACE}/${NAME}`);
  });

  test('without a namespace: none rendered, the template expands with "default"', () => {
    const ingress = rendered({ template: '{{name}}.{{namespace}}.example.com' }, null);
    expect(ingress.metadata.namespace).toBeUndefined();
    expect(ingress.spec.rules[0].host).toEqual(`${NAME}.default.example.com`);
  });

  test('the backend is the given service and port', () => {
    const ingress = renderIngress({ template: 'example.com' }, 'blue', 'ns', 'green-rest', 9000).ingress;
    expect(ingress.metadata.name).toEqual('blue');
    expect(ingress.spec.rules[0].http.paths[0].backend).toEqual({ service: { name: 'green-rest', port: { number: 9000 } } });
  });

  test('the input is not mutated, the output is deterministic', () => {
    const spec = { template: 'example.com/{{name}}', labels: { a: 'b' }, tls: [{ hosts: ['example.com'] }] };
    const before = JSON.stringify(spec);
    const first = render(spec);
    expect(JSON.stringify(spec)).toEqual(before);
    expect(JSON.stringify(render(spec))).toEqual(JSON.stringify(first));
    expect(first.ingress.spec.tls[0].hosts).not.toBe(spec.tls[0].hosts);
  });

  test.each<[string, any]>([
    ['a string', 'example.com'],
    ['an array', []],
    ['labels and tls of the wrong type', { template: 'example.com', labels: 'x', tls: 'y', annotations: [] }],
  ])('never throws: %s', (_case, spec) => {
    expect(() => render(spec)).not.toThrow();
  });
});
