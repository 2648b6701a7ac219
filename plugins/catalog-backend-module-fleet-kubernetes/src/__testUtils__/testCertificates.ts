import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type TestCertificates = {
  /** PEM of the CA that signed the server certificate. */
  caPem: string;
  serverKeyPem: string;
  serverCertPem: string;
};

let cached: TestCertificates | undefined;

/**
 * A throwaway CA and a server certificate for 127.0.0.1/localhost, made with the
 * openssl CLI for this test run only (nothing secret is kept in the repository).
 */
export function testCertificates(): TestCertificates {
  if (cached) {
    return cached;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-k8s-fake-tls-'));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  try {
    const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];
    openssl(
      'req',
      '-x509',
      ...ecKey,
      '-nodes',
      '-keyout',
      file('ca.key'),
      '-out',
      file('ca.crt'),
      '-days',
      '2',
      '-subj',
      '/CN=fleet-portal-test-ca',
    );
    openssl(
      'req',
      ...ecKey,
      '-nodes',
      '-keyout',
      file('server.key'),
      '-out',
      file('server.csr'),
      '-subj',
      '/CN=localhost',
    );
    fs.writeFileSync(
      file('ext.cnf'),
      [
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        'basicConstraints=CA:FALSE',
        'extendedKeyUsage=serverAuth',
      ].join('\n'),
    );
    openssl(
      'x509',
      '-req',
      '-in',
      file('server.csr'),
      '-CA',
      file('ca.crt'),
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-out',
      file('server.crt'),
      '-days',
      '2',
      '-extfile',
      file('ext.cnf'),
    );
    cached = {
      caPem: fs.readFileSync(file('ca.crt'), 'utf8'),
      serverKeyPem: fs.readFileSync(file('server.key'), 'utf8'),
      serverCertPem: fs.readFileSync(file('server.crt'), 'utf8'),
    };
    return cached;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
