/**
 * Credentials made for one run of the test cluster, in its temporary directory:
 * a CA, the API server's serving certificate for 127.0.0.1, the service account
 * signing key and a random bearer token of a `system:masters` user.
 */
import { execFileSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** Files and secrets of one run. */
export interface Credentials {
  readonly caCert: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly serviceAccountKey: string;
  readonly tokenFile: string;
  readonly token: string;
}

/** Generates the credentials into `dir` with openssl. */
export function generateCredentials(dir: string): Credentials {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });

  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=cdk8s-flink-test-ca',
    '-keyout', file('ca.key'), '-out', file('ca.crt'));
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=kube-apiserver',
    '-keyout', file('server.key'), '-out', file('server.csr'));
  fs.writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial',
    '-days', '1', '-extfile', file('server.ext'), '-out', file('server.crt'));
  openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', file('sa.key'));

  const token = randomBytes(24).toString('hex');
  fs.writeFileSync(file('tokens.csv'), `${token},cluster-test-admin,cluster-test-admin,"system:masters"\n`, { mode: 0o600 });
  return {
    caCert: file('ca.crt'),
    serverCert: file('server.crt'),
    serverKey: file('server.key'),
    serviceAccountKey: file('sa.key'),
    tokenFile: file('tokens.csv'),
    token,
  };
}
