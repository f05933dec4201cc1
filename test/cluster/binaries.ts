/**
 * The two programs of the test cluster: kube-apiserver, built from the
 * `k8s.io/kubernetes` Go module pinned in conformance/kube-apiserver/go.mod
 * (cached outside the repository, built on first use), and etcd, from Debian's
 * `etcd-server` package (installed on first use when missing and allowed).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The Go module that builds kube-apiserver. */
export const BUILD_MODULE = path.join(__dirname, '..', '..', 'conformance', 'kube-apiserver');

/** The `k8s.io/kubernetes` release pinned in the build module's go.mod (`v1.35.4`). */
export function kubernetesVersion(): string {
  const gomod = fs.readFileSync(path.join(BUILD_MODULE, 'go.mod'), 'utf8');
  const match = /^\s*(?:require\s+)?k8s\.io\/kubernetes\s+(v\S+)\s*$/m.exec(gomod);
  if (!match) {
    throw new Error(`${BUILD_MODULE}/go.mod does not require k8s.io/kubernetes`);
  }
  return match[1];
}

/** `~/.cache/cdk8s-flink/test-cluster/<version>` (XDG_CACHE_HOME respected). */
export function cacheDir(version: string): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'cdk8s-flink', 'test-cluster', version);
}

/** What was done to find the binaries, for the run's report. */
export interface Binaries {
  readonly kubeApiserver: string;
  readonly etcd: string;
  readonly version: string;
  /** Seconds spent building kube-apiserver (0 when cached). */
  readonly buildSeconds: number;
}

/** kube-apiserver from the cache, built into it first when missing. */
export function ensureKubeApiserver(log: (line: string) => void): { file: string; version: string; buildSeconds: number } {
  const version = kubernetesVersion();
  const dir = cacheDir(version);
  const file = path.join(dir, 'kube-apiserver');
  if (fs.existsSync(file)) {
    return { file, version, buildSeconds: 0 };
  }
  const go = which('go') ?? (fs.existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
  if (!go) {
    throw new Error('go is not on the PATH: Go (1.25 or newer) is needed once, to build kube-apiserver');
  }
  fs.mkdirSync(dir, { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  const [major, minor] = version.replace(/^v/, '').split('.');
  const ldflags = [
    '-s', '-w',
    `-X k8s.io/component-base/version.gitVersion=${version}`,
    `-X k8s.io/component-base/version.gitMajor=${major}`,
    `-X k8s.io/component-base/version.gitMinor=${minor}`,
  ].join(' ');
  log(`building kube-apiserver ${version} from the k8s.io/kubernetes module into ${dir} (first run only)`);
  const started = Date.now();
  const build = spawnSync(go, ['build', '-trimpath', '-ldflags', ldflags, '-o', partial, 'k8s.io/kubernetes/cmd/kube-apiserver'], {
    cwd: BUILD_MODULE,
    stdio: 'inherit',
    // A read-only module graph: go.sum is committed, nothing in the repository changes.
    env: { ...process.env, GOFLAGS: `${process.env.GOFLAGS ?? ''} -mod=readonly`.trim() },
  });
  if (build.status !== 0) {
    fs.rmSync(partial, { force: true });
    throw new Error(`go build of kube-apiserver ${version} failed (exit ${build.status ?? build.signal})`);
  }
  fs.renameSync(partial, file);
  return { file, version, buildSeconds: (Date.now() - started) / 1000 };
}

/** etcd on the PATH, installed from Debian's `etcd-server` when missing and apt-get can run as root. */
export function ensureEtcd(log: (line: string) => void): string {
  const found = which('etcd');
  if (found) {
    return found;
  }
  if (which('apt-get') && process.getuid?.() === 0) {
    log('installing etcd from the Debian package etcd-server');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'etcd-server'], { stdio: 'inherit', env });
    const installed = which('etcd');
    if (installed) {
      return installed;
    }
  }
  throw new Error('etcd is not installed: install the Debian package etcd-server (apt-get install etcd-server) or put etcd on the PATH');
}

/** Both binaries, each prepared on first use. */
export function ensureBinaries(log: (line: string) => void): Binaries {
  const etcd = ensureEtcd(log);
  const api = ensureKubeApiserver(log);
  return { kubeApiserver: api.file, etcd, version: api.version, buildSeconds: api.buildSeconds };
}

function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
