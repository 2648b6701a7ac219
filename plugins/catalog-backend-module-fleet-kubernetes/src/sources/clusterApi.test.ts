import {
  capiClusterV1beta1,
  capiClusterV1beta2,
} from '../__testUtils__/fixtures';
import { mapClusterApiCluster } from './clusterApi';
import { DEFAULT_LABEL_MAPPING, MapContext } from './labelMapping';

const context: MapContext = {
  labels: DEFAULT_LABEL_MAPPING,
  link: ({ namespace, name, version }) =>
    `https://mgmt.example/${version}/${namespace}/${name}`,
};

describe('mapClusterApiCluster, v1beta2 status', () => {
  it('maps an available cluster', () => {
    expect(
      mapClusterApiCluster(
        capiClusterV1beta2('stg-euw1-web-01', {
          labels: { environment: 'staging', region: 'eu-west-1' },
        }),
        context,
      ),
    ).toEqual({
      name: 'stg-euw1-web-01',
      externalId: 'capi-uid-stg-euw1-web-01',
      url: 'https://mgmt.example/v1beta2/fleet/stg-euw1-web-01',
      agent: 'cluster-api',
      status: 'connected',
      statusMessage: 'Available=True: Available',
      kubernetesVersion: 'v1.31.4',
      apiServerUrl: 'https://stg-euw1-web-01.lb.k8s.example:6443',
      environment: 'staging',
      region: 'eu-west-1',
      owner: undefined,
    });
  });

  it('is disconnected when Available is False after initialization', () => {
    const cluster = mapClusterApiCluster(
      capiClusterV1beta2('c1', { available: 'False' }),
      context,
    );
    expect(cluster.status).toBe('disconnected');
    expect(cluster.statusMessage).toContain('RemoteConnectionProbe');
  });

  it('is provisioning until infrastructure and control plane are initialized', () => {
    expect(
      mapClusterApiCluster(
        capiClusterV1beta2('c1', {
          phase: 'Provisioning',
          initialized: false,
          available: 'False',
        }),
        context,
      ).status,
    ).toBe('provisioning');
    expect(
      mapClusterApiCluster(
        capiClusterV1beta2('c1', { initialized: false, available: 'False' }),
        context,
      ).status,
    ).toBe('provisioning');
  });

  it('is failed in phase Failed, with the deprecated v1beta1 failure message', () => {
    const cluster = mapClusterApiCluster(
      capiClusterV1beta2('c1', {
        phase: 'Failed',
        failureMessage: 'invalid control plane endpoint',
      }),
      context,
    );
    expect(cluster).toMatchObject({
      status: 'failed',
      statusMessage: 'invalid control plane endpoint',
    });
  });

  it('takes the version from the control plane when there is no topology', () => {
    const object = capiClusterV1beta2('c1');
    delete object.spec.topology;
    object.status.controlPlane.versions = [{ version: 'v1.33.1', replicas: 3 }];
    expect(mapClusterApiCluster(object, context).kubernetesVersion).toBe(
      'v1.33.1',
    );
    object.status.controlPlane.versions.push({
      version: 'v1.32.0',
      replicas: 1,
    });
    expect(
      mapClusterApiCluster(object, context).kubernetesVersion,
    ).toBeUndefined();
  });

  it('recognises the v1beta2 shape by its fields when apiVersion is missing', () => {
    const object = capiClusterV1beta2('c1', { available: 'False' });
    delete object.apiVersion;
    expect(mapClusterApiCluster(object, context).status).toBe('disconnected');
  });
});

describe('mapClusterApiCluster, v1beta1 status', () => {
  it('maps a ready cluster with its topology version', () => {
    expect(
      mapClusterApiCluster(
        capiClusterV1beta1('dev-use1-batch-01', { version: 'v1.30.2' }),
        context,
      ),
    ).toMatchObject({
      name: 'dev-use1-batch-01',
      status: 'connected',
      kubernetesVersion: 'v1.30.2',
      url: 'https://mgmt.example/v1beta1/fleet/dev-use1-batch-01',
      apiServerUrl: 'https://dev-use1-batch-01.lb.k8s.example:6443',
    });
  });

  it('is disconnected when Ready is False', () => {
    const cluster = mapClusterApiCluster(
      capiClusterV1beta1('c1', { ready: 'False' }),
      context,
    );
    expect(cluster).toMatchObject({
      status: 'disconnected',
      statusMessage: 'Ready=False: 1 of 3 control plane machines not ready',
    });
  });

  it('prefers the new Available condition of status.v1beta2', () => {
    const object = capiClusterV1beta1('c1', { ready: 'True' });
    object.status.v1beta2 = {
      conditions: [
        {
          type: 'Available',
          status: 'False',
          reason: 'NotAvailable',
          message: '* WorkersAvailable: 0 of 3 available',
          lastTransitionTime: '2025-01-01T00:00:00Z',
        },
      ],
    };
    expect(mapClusterApiCluster(object, context).status).toBe('disconnected');
  });

  it('is connected without conditions when infrastructure and control plane are ready', () => {
    expect(
      mapClusterApiCluster(
        capiClusterV1beta1('c1', { withoutConditions: true }),
        context,
      ).status,
    ).toBe('connected');
    expect(
      mapClusterApiCluster(
        capiClusterV1beta1('c1', {
          withoutConditions: true,
          controlPlaneReady: false,
        }),
        context,
      ).status,
    ).toBe('unknown');
  });

  it('is failed with a failure reason, and provisioning while Provisioning', () => {
    expect(
      mapClusterApiCluster(
        capiClusterV1beta1('c1', { failureMessage: 'quota exceeded' }),
        context,
      ),
    ).toMatchObject({ status: 'failed', statusMessage: 'quota exceeded' });
    expect(
      mapClusterApiCluster(
        capiClusterV1beta1('c1', {
          phase: 'Provisioning',
          infrastructureReady: false,
          ready: 'False',
        }),
        context,
      ).status,
    ).toBe('provisioning');
  });

  it('says when a cluster is being deleted', () => {
    const object = capiClusterV1beta1('c1');
    object.metadata.deletionTimestamp = '2025-02-01T00:00:00Z';
    expect(mapClusterApiCluster(object, context)).toMatchObject({
      status: 'disconnected',
      statusMessage: 'being deleted (deletionTimestamp set)',
    });
  });

  it('brackets an IPv6 control plane endpoint', () => {
    const object = capiClusterV1beta1('c1');
    object.spec.controlPlaneEndpoint = { host: 'fd00::10', port: 6443 };
    expect(mapClusterApiCluster(object, context).apiServerUrl).toBe(
      'https://[fd00::10]:6443',
    );
  });
});
