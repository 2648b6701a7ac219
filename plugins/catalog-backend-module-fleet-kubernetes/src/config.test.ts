import { ConfigReader } from '@backstage/config';
import { readFleetKubernetesConfigs } from './config';

type ConfigData = ConstructorParameters<typeof ConfigReader>[0];

const CA_DATA = Buffer.from(
  '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
).toString('base64');

function read(provider: object, id = 'hub-eu') {
  return readFleetKubernetesConfigs(
    new ConfigReader({
      catalog: {
        providers: { fleetKubernetes: { [id]: provider as ConfigData } },
      },
    }),
  );
}

const minimal = {
  cluster: { url: 'https://hub.k8s.example:6443/', token: 'secret-token' },
  defaultOwner: 'platform-team',
  sources: { openClusterManagement: true },
};

describe('readFleetKubernetesConfigs', () => {
  it('is empty without config', () => {
    expect(readFleetKubernetesConfigs(new ConfigReader({}))).toEqual([]);
  });

  it('reads a minimal provider with defaults', () => {
    expect(read(minimal)).toEqual([
      {
        id: 'hub-eu',
        connection: {
          url: 'https://hub.k8s.example:6443',
          caData: undefined,
          skipTLSVerify: false,
          token: 'secret-token',
          allowInsecureHttp: false,
        },
        defaultOwner: 'group:default/platform-team',
        schedule: { frequency: { minutes: 5 }, timeout: { minutes: 3 } },
        pageSize: 500,
        maxPages: 1000,
        maxResponseBytes: 16 * 1024 * 1024,
        timeoutMs: 30_000,
        sources: {
          openClusterManagement: {
            labels: { environment: 'environment', region: 'region' },
          },
        },
      },
    ]);
  });

  it('reads every source with its options, label mappings layered', () => {
    const [provider] = read({
      ...minimal,
      cluster: { ...minimal.cluster, caData: CA_DATA },
      labels: { environment: 'fleet.example/env' },
      timeout: 'PT10S',
      pageSize: 100,
      schedule: { frequency: { minutes: 1 }, timeout: { seconds: 50 } },
      sources: {
        openClusterManagement: {
          labels: { owner: 'fleet.example/owner' },
          linkTemplate: 'https://console.example/clusters/{name}',
        },
        clusterApi: { namespaces: ['capi-prod', 'capi-lab'] },
        argocd: { namespace: 'gitops' },
      },
    });
    expect(provider.timeoutMs).toBe(10_000);
    expect(provider.pageSize).toBe(100);
    expect(provider.connection.caData).toBe(CA_DATA);
    expect(provider.schedule).toEqual({
      frequency: { minutes: 1 },
      timeout: { seconds: 50 },
    });
    expect(provider.sources).toEqual({
      openClusterManagement: {
        labels: {
          environment: 'fleet.example/env',
          region: 'region',
          owner: 'fleet.example/owner',
        },
        linkTemplate: 'https://console.example/clusters/{name}',
      },
      clusterApi: {
        labels: { environment: 'fleet.example/env', region: 'region' },
        linkTemplate: undefined,
        namespaces: ['capi-prod', 'capi-lab'],
      },
      argocd: {
        labels: { environment: 'fleet.example/env', region: 'region' },
        linkTemplate: undefined,
        namespace: 'gitops',
      },
    });
  });

  it('defaults Argo CD to the argocd namespace and treats false as disabled', () => {
    const [provider] = read({
      ...minimal,
      sources: { openClusterManagement: false, argocd: true },
    });
    expect(provider.sources).toEqual({
      argocd: {
        labels: { environment: 'environment', region: 'region' },
        namespace: 'argocd',
      },
    });
  });

  it.each([
    [{ ...minimal, sources: {} }, 'hub-eu.sources: enable at least one of'],
    [
      { ...minimal, cluster: { ...minimal.cluster, url: 'http://hub:8080' } },
      'hub-eu.cluster.url: a plain http URL would send the token unencrypted; use https, or set catalog.providers.fleetKubernetes.hub-eu.cluster.allowInsecureHttp: true to accept plain HTTP for this source (local test servers only)',
    ],
    [
      {
        ...minimal,
        cluster: {
          ...minimal.cluster,
          url: 'http://hub:8080',
          skipTLSVerify: true,
        },
      },
      'hub-eu.cluster.url: a plain http URL would send the token unencrypted',
    ],
    [
      {
        ...minimal,
        sources: { argocd: { api: { url: 'http://argocd', token: 't' } } },
      },
      'hub-eu.sources.argocd.api.url: a plain http URL would send the token unencrypted; use https, or set catalog.providers.fleetKubernetes.hub-eu.sources.argocd.api.allowInsecureHttp: true',
    ],
    [
      { ...minimal, maxPages: -1 },
      'hub-eu.maxPages: must be a whole number from 1 to 1000000',
    ],
    [
      { ...minimal, maxResponseBytes: 0 },
      'hub-eu.maxResponseBytes: must be a whole number from 1 to 1073741824 (1 GiB)',
    ],
    [
      {
        ...minimal,
        sources: {
          argocd: {
            api: { url: 'https://a', token: 't', maxResponseBytes: 'lots' },
          },
        },
      },
      'hub-eu.sources.argocd.api.maxResponseBytes: must be a whole number',
    ],
    [
      { ...minimal, cluster: { ...minimal.cluster, url: 'not a url' } },
      'hub-eu.cluster.url: "not a url" is not a URL',
    ],
    [
      { ...minimal, cluster: { ...minimal.cluster, token: ' ' } },
      'hub-eu.cluster.token: must not be empty',
    ],
    [
      {
        ...minimal,
        cluster: { ...minimal.cluster, caData: 'bm90IGEgY2VydA==' },
      },
      'hub-eu.cluster.caData: must be a base64-encoded PEM certificate bundle',
    ],
    [
      { ...minimal, defaultOwner: 'group:' },
      'hub-eu.defaultOwner: "group:" is not an entity reference',
    ],
    [
      { ...minimal, pageSize: 0 },
      'hub-eu.pageSize: must be an integer from 1 to 10000',
    ],
    [
      { ...minimal, timeout: { seconds: 0 } },
      'hub-eu.timeout: must be longer than zero',
    ],
    [
      { ...minimal, labels: { team: 'x' } },
      'hub-eu.labels.team: only environment, region and owner can be mapped from labels',
    ],
    [
      { ...minimal, sources: { clusterApi: { namespaces: ['Bad_NS'] } } },
      'hub-eu.sources.clusterApi.namespaces: "Bad_NS" is not a namespace name',
    ],
    [
      { ...minimal, sources: { argocd: { namespace: '-x' } } },
      'hub-eu.sources.argocd.namespace: "-x" is not a namespace name',
    ],
    [
      {
        ...minimal,
        sources: {
          openClusterManagement: { linkTemplate: 'https://x/{cluster}' },
        },
      },
      'hub-eu.sources.openClusterManagement.linkTemplate: must be an http(s) URL with placeholders among {name}, {namespace}, {uid}, {server}, {version} (unknown: {cluster})',
    ],
    [
      { ...minimal, sources: { openClusterManagement: 'yes' } },
      'hub-eu.sources.openClusterManagement: must be true, false or an object of options',
    ],
  ])('refuses %j naming the field', (provider, message) => {
    expect(() => read(provider)).toThrow(
      `catalog.providers.fleetKubernetes.${message}`,
    );
  });

  it('refuses an id that cannot name a catalog namespace', () => {
    expect(() => read(minimal, 'Hub_EU')).toThrow(
      'catalog.providers.fleetKubernetes.Hub_EU: the management cluster id must be lower-case letters, digits and dashes',
    );
  });

  it("reads Argo CD's API server", () => {
    const [provider] = read({
      ...minimal,
      sources: {
        argocd: {
          api: {
            url: 'https://argocd.example.com/',
            token: 'argocd-token',
            caData: CA_DATA,
          },
        },
      },
    });
    expect(provider.sources.argocd?.api).toEqual({
      url: 'https://argocd.example.com',
      token: 'argocd-token',
      caData: CA_DATA,
      skipTLSVerify: false,
      allowInsecureHttp: false,
      maxResponseBytes: 64 * 1024 * 1024,
      maxResponseBytesSetting:
        'catalog.providers.fleetKubernetes.hub-eu.sources.argocd.api.maxResponseBytes',
    });
    expect(() =>
      read({
        ...minimal,
        sources: { argocd: { api: { url: 'argocd', token: 't' } } },
      }),
    ).toThrow(
      'catalog.providers.fleetKubernetes.hub-eu.sources.argocd.api.url: "argocd" is not a URL',
    );
    expect(() =>
      read({
        ...minimal,
        sources: {
          argocd: { api: { url: 'https://a', token: 't', caData: 'eA==' } },
        },
      }),
    ).toThrow(
      'catalog.providers.fleetKubernetes.hub-eu.sources.argocd.api.caData: must be a base64-encoded PEM',
    );
  });

  it('accepts http only with allowInsecureHttp, next to the URL it allows', () => {
    const [provider] = read({
      ...minimal,
      cluster: {
        ...minimal.cluster,
        url: 'http://127.0.0.1:8001',
        allowInsecureHttp: true,
      },
      sources: {
        argocd: {
          api: {
            url: 'http://127.0.0.1:8080',
            token: 't',
            allowInsecureHttp: true,
            maxResponseBytes: 1048576,
          },
        },
      },
      maxPages: 10,
      maxResponseBytes: 65536,
    });
    expect(provider.connection).toMatchObject({
      url: 'http://127.0.0.1:8001',
      skipTLSVerify: false,
      allowInsecureHttp: true,
    });
    expect(provider.sources.argocd?.api).toMatchObject({
      url: 'http://127.0.0.1:8080',
      allowInsecureHttp: true,
      maxResponseBytes: 1048576,
    });
    expect(provider).toMatchObject({ maxPages: 10, maxResponseBytes: 65536 });
  });
});
