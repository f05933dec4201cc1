import { App, Chart, Testing, Size } from 'cdk8s';
import { FlinkDeployment, FlinkOperator, FlinkVersion, OperatorVersion, UpgradeMode } from '../src';

function render(version: OperatorVersion, withLibs: boolean): any[] {
  const app = Testing.app();
  const chart = new Chart(app, 'c', { namespace: 'flink-operator' });
  new FlinkOperator(chart, 'operator', { version, operatorLibs: withLibs ? [{ name: 's3', url: 'https://a.example.com/s3.jar', sha256: 'ab'.repeat(32) }] : [] });
  new FlinkDeployment(chart, 'app', {
    image: 'flink:2.2', flinkVersion: FlinkVersion.V2_2,
    jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
    taskManager: { memory: Size.mebibytes(2048), cpu: 1 },
    job: { jarUri: 'local:///opt/flink/examples/streaming/StateMachineExample.jar', parallelism: 2, upgradeMode: UpgradeMode.STATELESS },
  });
  return Testing.synth(chart);
}
function flat(v: any, p: string, out: Map<string, string>) {
  if (v !== null && typeof v === 'object') {
    const entries = Array.isArray(v) ? v.map((x, i) => [String(x?.name ?? x?.key ?? i), x]) : Object.entries(v);
    if (entries.length === 0) out.set(p, JSON.stringify(v));
    for (const [k, x] of entries) flat(x, `${p}/${k}`, out);
  } else out.set(p, JSON.stringify(v));
}
/** Property paths of a CRD schema (descending into items and additionalProperties), with their enums. */
function schemaPaths(schema: any, p: string, out: Map<string, string>) {
  if (schema === null || typeof schema !== 'object') return;
  out.set(p || '/', schema.enum ? `enum ${JSON.stringify(schema.enum)}` : String(schema.type ?? ''));
  for (const [k, v] of Object.entries(schema.properties ?? {})) schemaPaths(v, `${p}/${k}`, out);
  if (schema.items) schemaPaths(schema.items, `${p}[]`, out);
  if (typeof schema.additionalProperties === 'object') schemaPaths(schema.additionalProperties, `${p}{}`, out);
}
function crdDiff(a: any, b: any) {
  const fa = new Map<string, string>(); const fb = new Map<string, string>();
  schemaPaths(a.spec.versions[0].schema.openAPIV3Schema, '', fa);
  schemaPaths(b.spec.versions[0].schema.openAPIV3Schema, '', fb);
  const added = [...fb.keys()].filter((k) => !fa.has(k));
  const removed = [...fa.keys()].filter((k) => !fb.has(k));
  // report only the roots of added/removed subtrees
  const roots = (ks: string[]) => ks.filter((k) => !ks.some((o) => o !== k && k.startsWith(o) && /^[[{/]/.test(k.slice(o.length))));
  for (const k of roots(added)) console.log(`    + field ${k}`);
  for (const k of roots(removed)) console.log(`    - field ${k}`);
  for (const k of [...fa.keys()].filter((x) => fb.has(x) && fa.get(x) !== fb.get(x))) console.log(`    ~ ${k}: ${fa.get(k)} -> ${fb.get(k)}`);
  const fo = new Map<string, string>(); const go = new Map<string, string>();
  const outside = (c: any) => ({ ...c.spec, versions: c.spec.versions.map((v: any) => ({ ...v, schema: undefined })) });
  flat(outside(a), '', fo); flat(outside(b), '', go);
  for (const k of new Set([...fo.keys(), ...go.keys()])) {
    if (fo.get(k) !== go.get(k)) console.log(`    ~ spec${k}: ${fo.get(k) ?? '(absent)'} -> ${go.get(k) ?? '(absent)'}`);
  }
}

for (const withLibs of [false, true]) {
  const [a, b] = [render(OperatorVersion.V1_15, withLibs), render(OperatorVersion.V1_16, withLibs)];
  const key = (d: any) => `${d.kind}/${d.metadata.name}`;
  const ma = new Map(a.map((d) => [key(d), d])); const mb = new Map(b.map((d) => [key(d), d]));
  console.log(`=== operatorLibs: ${withLibs}; objects 1.15: ${a.length}, 1.16: ${b.length}`);
  for (const k of new Set([...ma.keys(), ...mb.keys()])) {
    if (!ma.has(k)) { console.log(`+ object ${k}`); continue; }
    if (!mb.has(k)) { console.log(`- object ${k}`); continue; }
    const fa = new Map<string, string>(); const fb = new Map<string, string>();
    flat(ma.get(k), '', fa); flat(mb.get(k), '', fb);
    let n = 0;
    for (const p of new Set([...fa.keys(), ...fb.keys()])) {
      if (fa.get(p) !== fb.get(p)) {
        n++;
        if (k.startsWith('CustomResourceDefinition')) continue;
        const s = (x?: string) => x === undefined ? '(absent)' : x.length > 90 ? x.slice(0, 90) + '…' : x;
        console.log(`~ ${k} ${p}: ${s(fa.get(p))} -> ${s(fb.get(p))}`);
      }
    }
    if (k.startsWith('CustomResourceDefinition') && n > 0 && !withLibs) {
      console.log(`~ ${k}: ${n} leaf values differ`);
      crdDiff(ma.get(k), mb.get(k));
    }
  }
}
