import { managedCluster } from '../__testUtils__/fixtures';
import { DEFAULT_LABEL_MAPPING, MapContext } from './labelMapping';
import { mapManagedCluster } from './openClusterManagement';

const context: MapContext = {
  labels: DEFAULT_LABEL_MAPPING,
  link: ({ name }) => `https://hub.example/managedclusters/${name}`,
};

describe('mapManagedCluster', () => {
  it('maps an available cluster with its version, API server and labels', () => {
    const cluster = mapManagedCluster(
      managedCluster('prd-euw1-payments-01', {
        version: 'v1.30.4',
        labels: { environment: 'production', region: 'eu-west-1' },
      }),
      context,
    );
    expect(cluster).toEqual({
      name: 'prd-euw1-payments-01',
      externalId: 'ocm-uid-prd-euw1-payments-01',
      url: 'https://hub.example/managedclusters/prd-euw1-payments-01',
      agent: 'klusterlet',
      status: 'connected',
      statusMessage:
        'ManagedClusterConditionAvailable=True: Managed cluster is available',
      kubernetesVersion: 'v1.30.4',
      lastSeen: '2025-01-12T09:30:00Z',
      apiServerUrl: 'https://api.prd-euw1-payments-01.k8s.example:6443',
      environment: 'production',
      region: 'eu-west-1',
      owner: undefined,
    });
  });

  it('is disconnected when Available is False', () => {
    const cluster = mapManagedCluster(
      managedCluster('c1', { available: 'False' }),
      context,
    );
    expect(cluster.status).toBe('disconnected');
    expect(cluster.statusMessage).toContain('kube-apiserver is not ok');
  });

  it('is disconnected when a joined cluster stopped renewing its lease', () => {
    const cluster = mapManagedCluster(
      managedCluster('c1', { available: 'Unknown' }),
      context,
    );
    expect(cluster.status).toBe('disconnected');
    expect(cluster.statusMessage).toContain('stopped updating its lease');
  });

  it('is provisioning while accepted but not joined', () => {
    const cluster = mapManagedCluster(
      managedCluster('c1', { joined: false }),
      context,
    );
    expect(cluster.status).toBe('provisioning');
  });

  it('is unknown without any conditions', () => {
    const object = managedCluster('c1');
    object.status = {};
    expect(mapManagedCluster(object, context).status).toBe('unknown');
  });

  it('reads the version from the kubeversion cluster claim when status.version is missing', () => {
    const object = managedCluster('c1', { version: 'v1.29.8' });
    delete object.status.version;
    expect(mapManagedCluster(object, context).kubernetesVersion).toBe(
      'v1.29.8',
    );
  });

  it('uses the configured label keys', () => {
    const cluster = mapManagedCluster(
      managedCluster('c1', {
        labels: { 'fleet/env': 'staging', 'fleet/owner': 'team-a' },
      }),
      {
        ...context,
        labels: { environment: 'fleet/env', owner: 'fleet/owner' },
      },
    );
    expect(cluster).toMatchObject({
      environment: 'staging',
      owner: 'team-a',
      region: undefined,
    });
  });

  it('refuses an object without a name or uid', () => {
    const object = managedCluster('c1');
    delete object.metadata.uid;
    expect(() => mapManagedCluster(object, context)).toThrow(
      'ManagedCluster c1 has no metadata.uid',
    );
    expect(() => mapManagedCluster({ metadata: {} }, context)).toThrow(
      'a ManagedCluster without metadata.name',
    );
  });

  it('ignores fields of the wrong type', () => {
    const object = managedCluster('c1');
    object.status.conditions = 'broken';
    object.spec.managedClusterClientConfigs = [{ url: 42 }];
    const cluster = mapManagedCluster(object, context);
    expect(cluster.status).toBe('unknown');
    expect(cluster.apiServerUrl).toBeUndefined();
  });
});
