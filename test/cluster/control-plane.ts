/**
 * etcd and kube-apiserver on 127.0.0.1, on free ports, in a temporary
 * directory of their own, with credentials made for the run. `stop()` ends both
 * and removes the directory; it also runs on SIGINT/SIGTERM/SIGHUP and at exit.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { ApiClient } from './api-client';
import { Binaries } from './binaries';
import { generateCredentials } from './credentials';

/** A running etcd and kube-apiserver. */
export class ControlPlane {
  /** Starts etcd, then kube-apiserver, and waits until the API server is ready. */
  public static async start(binaries: Binaries, log: (line: string) => void): Promise<ControlPlane> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-cluster-'));
    const plane = new ControlPlane(dir);
    try {
      await plane.launch(binaries, log);
      return plane;
    } catch (e) {
      plane.stop();
      throw e;
    }
  }

  /** Client for the API server (set once started). */
  public client!: ApiClient;
  private readonly processes: Array<{ name: string; child: ChildProcess; logFile: string }> = [];
  private stopped = false;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.stop();
    process.exit(128 + (os.constants.signals[signal] ?? 1));
  };
  private readonly onExit = () => this.stop();

  // A factory (start) creates it: the constructor is private and comes after it.
  // eslint-disable-next-line @typescript-eslint/member-ordering
  private constructor(public readonly dir: string) {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, this.onSignal);
    }
    process.on('exit', this.onExit);
  }

  /** The last lines each process wrote, for a failure report. */
  public logTail(lines = 20): string {
    return this.processes.map(({ name, logFile }) => {
      const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '';
      return `--- ${name} (last ${lines} lines)\n${text}`;
    }).join('\n');
  }

  /** Ends kube-apiserver, then etcd, and removes the temporary directory. Safe to call twice. */
  public stop(): void {
    if (this.stopped) {
      return;
    }
    this.stopped = true;
    for (const { child } of [...this.processes].reverse()) {
      killAndWait(child);
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.off(signal, this.onSignal);
    }
    process.off('exit', this.onExit);
  }

  private async launch(binaries: Binaries, log: (line: string) => void): Promise<void> {
    const credentials = generateCredentials(path.join(this.dir, 'pki'));
    const [etcdClient, etcdPeer, apiPort] = await freePorts(3);

    const etcdUrl = `http://127.0.0.1:${etcdClient}`;
    const peerUrl = `http://127.0.0.1:${etcdPeer}`;
    this.run('etcd', binaries.etcd, [
      '--name', 'test', '--data-dir', path.join(this.dir, 'etcd'),
      '--listen-client-urls', etcdUrl, '--advertise-client-urls', etcdUrl,
      '--listen-peer-urls', peerUrl, '--initial-advertise-peer-urls', peerUrl,
      '--initial-cluster', `test=${peerUrl}`,
      '--log-level', 'warn',
    ]);

    this.run('kube-apiserver', binaries.kubeApiserver, [
      '--etcd-servers', etcdUrl,
      '--bind-address', '127.0.0.1', '--advertise-address', '127.0.0.1', '--secure-port', String(apiPort),
      '--cert-dir', path.join(this.dir, 'apiserver-certs'),
      '--tls-cert-file', credentials.serverCert, '--tls-private-key-file', credentials.serverKey,
      '--client-ca-file', credentials.caCert,
      '--token-auth-file', credentials.tokenFile,
      '--authorization-mode', 'RBAC',
      '--service-account-issuer', `https://127.0.0.1:${apiPort}`,
      '--service-account-key-file', credentials.serviceAccountKey,
      '--service-account-signing-key-file', credentials.serviceAccountKey,
      '--service-cluster-ip-range', '10.96.0.0/16',
      '--allow-privileged=true',
      '--v', '1',
    ]);

    this.client = new ApiClient(`https://127.0.0.1:${apiPort}`, fs.readFileSync(credentials.caCert), credentials.token);
    const started = Date.now();
    await this.waitReady(120_000);
    log(`control plane ready on 127.0.0.1:${apiPort} (etcd 127.0.0.1:${etcdClient}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  private run(name: string, file: string, args: string[]): void {
    const logFile = path.join(this.dir, `${name}.log`);
    const out = fs.openSync(logFile, 'a');
    const child = spawn(file, args, { cwd: this.dir, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    child.on('error', () => undefined);
    this.processes.push({ name, child, logFile });
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      for (const { name, child } of this.processes) {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before the API server was ready\n${this.logTail()}`);
        }
      }
      try {
        const res = await this.client.request('GET', '/readyz');
        if (res.status === 200) {
          return;
        }
        last = `HTTP ${res.status}: ${res.text.slice(0, 300)}`;
      } catch (e) {
        last = (e as Error).message;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`kube-apiserver not ready after ${timeoutMs / 1000} s (${last})\n${this.logTail()}`);
  }
}

/** `count` distinct free TCP ports on 127.0.0.1. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => new Promise<net.Server>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  })));
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/** SIGTERM, up to 10 s to end, then SIGKILL (synchronous: this also runs in the `exit` handler). */
function killAndWait(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  // Ended once gone or a zombie (Node reaps children only when the event loop runs).
  const alive = () => {
    try {
      return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };
  child.kill('SIGTERM');
  const deadline = Date.now() + 10_000;
  while (alive() && Date.now() < deadline) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  if (alive()) {
    child.kill('SIGKILL');
  }
}
