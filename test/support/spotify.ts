import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

/** The spotify operator's FlinkCluster samples, test assets and examples (vendored test fixtures). */
export const SPOTIFY_FIXTURES = path.join(__dirname, '..', 'fixtures', 'spotify-flink-on-k8s-operator');

/** Every document of a fixture file (path relative to the fixtures), as plain JSON. */
export function spotifyDocuments(file: string): any[] {
  const text = fs.readFileSync(path.join(SPOTIFY_FIXTURES, file), 'utf8');
  return parseAllDocuments(text).map((d) => d.toJS()).filter((d) => d !== null && d !== undefined);
}

/** The relative paths of the YAML fixtures, sorted. */
export function spotifyFixtureFiles(): string[] {
  return fs.readdirSync(SPOTIFY_FIXTURES, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).sort();
}

/** A valid FlinkCluster (the shape of the upstream `getSimpleFlinkCluster` test helper, Flink 1.8), with overrides of `spec`. */
export function simpleFlinkCluster(): any {
  return {
    apiVersion: 'flinkoperator.k8s.io/v1beta1',
    kind: 'FlinkCluster',
    metadata: { name: 'mycluster', namespace: 'default' },
    spec: {
      flinkVersion: '1.8',
      image: { name: 'flink:1.8.1', pullPolicy: 'Always' },
      jobManager: {
        replicas: 1,
        accessScope: 'VPC',
        ports: { rpc: 8001, blob: 8002, query: 8003, ui: 8004 },
        memoryOffHeapRatio: 25,
        memoryOffHeapMin: '600M',
        resources: { requests: { cpu: '200m', memory: '512Mi' }, limits: { cpu: '2', memory: '2Gi' } },
      },
      taskManager: {
        replicas: 3,
        ports: { rpc: 8001, data: 8005, query: 8003 },
        memoryOffHeapRatio: 25,
        memoryOffHeapMin: '600M',
        resources: { requests: { cpu: '200m', memory: '512Mi' }, limits: { cpu: '2', memory: '2Gi' } },
      },
      job: {
        jarFile: 'gs://my-bucket/myjob.jar',
        parallelism: 2,
        maxStateAgeToRestoreSeconds: 60,
        restartPolicy: 'FromSavepointOnFailure',
        savepointsDir: '/savepoint_dir',
        cleanupPolicy: { afterJobSucceeds: 'KeepCluster', afterJobFails: 'DeleteTaskManager' },
        mode: 'Detached',
      },
    },
  };
}
