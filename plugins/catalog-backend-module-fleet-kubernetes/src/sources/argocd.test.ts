import { argoCdClusterSecret } from '../__testUtils__/fixtures';
import { mapArgoCdClusterSecret, withConnectionState } from './argocd';
import { DEFAULT_LABEL_MAPPING, MapContext } from './labelMapping';

const context: MapContext = {
  labels: { ...DEFAULT_LABEL_MAPPING, owner: 'owner' },
  link: ({ server }) =>
    `https://argocd.example/settings/clusters/${encodeURIComponent(server!)}`,
};

describe('mapArgoCdClusterSecret', () => {
  it('maps name, server and labels, with status unknown', () => {
    const cluster = mapArgoCdClusterSecret(
      argoCdClusterSecret('edge-fra-pos-07', {
        labels: { environment: 'edge', owner: 'team-retail' },
      }),
      context,
    );
    expect(cluster).toEqual({
      name: 'edge-fra-pos-07',
      externalId: 'argocd-uid-cluster-edge-fra-pos-07',
      url: 'https://argocd.example/settings/clusters/https%3A%2F%2Fapi.edge-fra-pos-07.k8s.example%3A6443',
      agent: 'argocd',
      status: 'unknown',
      statusMessage: 'Argo CD cluster secrets carry no connection state',
      apiServerUrl: 'https://api.edge-fra-pos-07.k8s.example:6443',
      environment: 'edge',
      region: undefined,
      owner: 'team-retail',
    });
  });

  it('never exposes the credentials in data.config', () => {
    const cluster = mapArgoCdClusterSecret(argoCdClusterSecret('c1'), context);
    expect(JSON.stringify(cluster)).not.toContain('argocd-manager-token');
  });

  it('refuses a secret without data.name or data.server, or with invalid base64', () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    expect(() =>
      mapArgoCdClusterSecret(
        argoCdClusterSecret('c1', { data: { name: b64('c1') } }),
        context,
      ),
    ).toThrow('Argo CD cluster secret argocd/cluster-c1 has no data.server');
    expect(() =>
      mapArgoCdClusterSecret(
        argoCdClusterSecret('c1', { data: { server: b64('https://x') } }),
        context,
      ),
    ).toThrow('has no data.name');
    expect(() =>
      mapArgoCdClusterSecret(
        argoCdClusterSecret('c1', {
          data: { name: 'not base64!', server: b64('https://x') },
        }),
        context,
      ),
    ).toThrow('data.name is not base64');
  });
});

describe('withConnectionState', () => {
  const cluster = mapArgoCdClusterSecret(argoCdClusterSecret('c1'), context);

  it.each([
    ['Successful', 'connected'],
    ['Failed', 'disconnected'],
    ['Unknown', 'unknown'],
  ])('maps %s to %s', (state, status) => {
    expect(
      withConnectionState(cluster, {
        server: cluster.apiServerUrl!,
        status: state,
        message: 'dial tcp: i/o timeout',
        attemptedAt: '2025-01-12T10:00:00Z',
        serverVersion: '1.30',
      }),
    ).toMatchObject({
      status,
      statusMessage: `${state}: dial tcp: i/o timeout`,
      lastSeen: '2025-01-12T10:00:00Z',
      kubernetesVersion: '1.30',
    });
  });

  it('says when the API reports nothing for the server', () => {
    expect(withConnectionState(cluster, undefined)).toMatchObject({
      status: 'unknown',
      statusMessage:
        "Argo CD's API reports no connection state for this server",
    });
  });
});
