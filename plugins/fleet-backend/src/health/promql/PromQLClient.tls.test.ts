import { ConfigReader, JsonObject } from '@backstage/config';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vectorOf } from '../../__testUtils__/httpRecorder';
import { readHealthConfig } from '../config';
import { PromQLClient } from './PromQLClient';

const TIME = new Date('2026-11-22T10:00:00Z');

/** A CA, a server certificate for 127.0.0.1 and a client certificate, made with openssl. */
function makeCertificates(dir: string) {
  const run = (...args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '1',
    '-subj',
    '/CN=fleet-test-ca',
  );
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  for (const [name, ext] of [
    ['server', ['-extfile', 'san.ext']],
    ['client', []],
  ] as const) {
    run(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${name}`,
    );
    run(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '1',
      ...ext,
    );
  }
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  return {
    ca: read('ca.pem'),
    serverCert: read('server.pem'),
    serverKey: read('server.key'),
    clientCertPath: join(dir, 'client.pem'),
    clientKey: read('client.key'),
  };
}

function clientFor(url: string, tls: JsonObject) {
  const config = readHealthConfig(
    new ConfigReader({
      fleet: {
        health: {
          sources: [{ name: 'central', type: 'prometheus', url, tls }],
        },
      },
    }),
  )!;
  return new PromQLClient(config.sources[0]);
}

describe('PromQLClient over TLS', () => {
  let dir: string;
  let certs: ReturnType<typeof makeCertificates>;
  let server: Server;
  let url: string;
  const clientsSeen: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-tls-'));
    certs = makeCertificates(dir);
    // Mutual TLS: the server asks for a client certificate signed by the CA.
    server = createServer(
      {
        cert: certs.serverCert,
        key: certs.serverKey,
        ca: certs.ca,
        requestCert: true,
        rejectUnauthorized: true,
      },
      (req, res) => {
        clientsSeen.push((req.socket as any).getPeerCertificate().subject.CN);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(vectorOf({ a: 1 }, TIME.getTime() / 1000)));
      },
    );
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies the server with the configured CA and presents the client certificate', async () => {
    const outcome = await clientFor(url, {
      ca: certs.ca,
      cert: certs.clientCertPath,
      key: certs.clientKey,
    }).instant('up', TIME);
    expect(outcome.ok).toBe(true);
    expect(clientsSeen).toEqual(['client']);
  });

  it('refuses a server its CA did not sign', async () => {
    const outcome = await clientFor(url, {
      cert: certs.clientCertPath,
      key: certs.clientKey,
    }).instant('up', TIME);
    expect(outcome).toMatchObject({ ok: false, kind: 'unreachable' });
    expect(!outcome.ok && outcome.error).toMatch(
      /^cannot connect \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)$/,
    );
  });

  it('accepts any server with insecureSkipVerify, and the server refuses a client without certificate', async () => {
    const outcome = await clientFor(url, { insecureSkipVerify: true }).instant(
      'up',
      TIME,
    );
    // Past the server check, the TLS handshake fails on the missing client certificate.
    expect(outcome).toMatchObject({ ok: false, kind: 'unreachable' });
    expect(!outcome.ok && outcome.error).not.toMatch(
      /UNABLE_TO_VERIFY|SELF_SIGNED/,
    );
  });
});
