import { InputError } from '@backstage/errors';
import {
  type ClusterProfileEntity,
  validateGovernedCluster,
} from '@fleet-portal/plugin-fleet-common';
import yaml from 'yaml';
import { demoProfile, edgeRequest } from '../__testUtils__/fixtures';
import type { ClusterRequest } from '../request';
import { capiClusterSchema } from './clusterApi';
import { crossplaneClaimSchema } from './crossplane';
import { helmfileSchema } from './helmfile';
import {
  omniClusterSchema,
  omniControlPlaneSchema,
  omniWorkersSchema,
} from './omni';
import { renderClusterFiles } from './renderClusterFiles';
import type { RenderContext } from './types';

function contextFor(
  profile: ClusterProfileEntity,
  request: ClusterRequest,
  cidrs = { podCidr: '172.16.4.0/22', serviceCidr: '172.24.1.0/24' },
): RenderContext {
  return {
    request,
    profile,
    profileRef: `clusterprofile:default/${profile.metadata.name}`,
    profileVersion: profile.spec.version,
    ownerRef: 'group:default/team-checkout',
    ownerTitle: 'Checkout',
    created: '2026-05-15',
    ...cidrs,
  };
}

function filesOf(context: RenderContext) {
  return Object.fromEntries(
    renderClusterFiles(context).map(f => [f.path, f.content]),
  );
}

const regulatedRequest: ClusterRequest = {
  ...edgeRequest(),
  name: 'reg-euw1-cards-01',
  profile: 'regulated',
  environment: 'production',
  environmentGroup: 'production',
  region: 'eu-west-1',
  site: undefined,
  nodes: { controlPlane: 3, workers: 4 },
  lifetime: { class: 'long-lived', reviewBy: '2026-11-01' },
};

describe('renderClusterFiles', () => {
  it('renders an edge cluster: entity, Cluster API Cluster on the ClusterClass, Helmfile', () => {
    const files = filesOf(contextFor(demoProfile('edge'), edgeRequest()));
    expect(Object.keys(files)).toEqual([
      'clusters/edg-ber03-store-01/cluster.yaml',
      'clusters/edg-ber03-store-01/provisioning/cluster-api.yaml',
      'clusters/edg-ber03-store-01/provisioning/helmfile.yaml',
    ]);

    const entity = yaml.parse(
      files['clusters/edg-ber03-store-01/cluster.yaml'],
    );
    expect(validateGovernedCluster(entity)).toEqual([]);
    expect(entity.spec).toMatchObject({
      owner: 'group:default/team-checkout',
      profile: 'edge',
      profileVersion: '1.3.0',
      environment: 'edge',
      environmentGroup: 'far-edge',
      network: { podCidr: '172.16.4.0/22', serviceCidr: '172.24.1.0/24' },
      lifetime: {
        class: 'long-lived',
        created: '2026-05-15',
        reviewBy: '2027-01-31',
      },
      nodes: { controlPlane: 1, workers: 0 },
      lifecycle: 'production',
    });

    const capi = yaml.parse(
      files['clusters/edg-ber03-store-01/provisioning/cluster-api.yaml'],
    );
    expect(capiClusterSchema.parse(capi)).toEqual(capi);
    expect(capi.spec).toEqual({
      clusterNetwork: {
        pods: { cidrBlocks: ['172.16.4.0/22'] },
        services: { cidrBlocks: ['172.24.1.0/24'] },
      },
      // single node: no worker pool
      topology: {
        class: 'k3s-edge-single-v1',
        version: 'v1.31.4',
        controlPlane: { replicas: 1 },
      },
    });

    const helmfile = yaml.parse(
      files['clusters/edg-ber03-store-01/provisioning/helmfile.yaml'],
    );
    expect(helmfileSchema.parse(helmfile)).toEqual(helmfile);
    expect(
      helmfile.releases.map((r: any) => `${r.chart}@${r.version}`),
    ).toEqual([
      'projectcalico/tigera-operator@v3.29.1',
      'jetstack/cert-manager@v1.16.1',
      'external-dns/external-dns@0.15.0',
      'kyverno/kyverno@1.12.6',
      'local-path-provisioner/local-path-provisioner@v0.0.30',
      'grafana/alloy@v1.5.0',
      'vmware-tanzu/velero@1.14.1',
      'argo/argo-cd@v2.12.6',
    ]);
    const calico = helmfile.releases.find((r: any) => r.name === 'calico');
    expect(calico.values).toEqual([
      {
        installation: {
          calicoNetwork: { ipPools: [{ cidr: '172.16.4.0/22' }] },
        },
      },
    ]);
    expect(
      files['clusters/edg-ber03-store-01/provisioning/helmfile.yaml'],
    ).toContain(
      '# Pinned by the profile but not Helm releases: portainer-agent 2.21.4.',
    );
  });

  it('renders worker pools of the ClusterClass and Cilium cluster-pool CIDRs (non-production)', () => {
    const request: ClusterRequest = {
      ...edgeRequest(),
      name: 'stg-euw1-search-02',
      profile: 'non-production',
      environment: 'staging',
      environmentGroup: 'non-production',
      nodes: { controlPlane: 3, workers: 5 },
    };
    const files = filesOf(
      contextFor(demoProfile('non-production'), request, {
        podCidr: '100.64.128.0/17',
        serviceCidr: '100.80.8.0/21',
      }),
    );
    const capi = yaml.parse(
      files['clusters/stg-euw1-search-02/provisioning/cluster-api.yaml'],
    );
    expect(capi.spec.topology).toEqual({
      class: 'kubeadm-standard-v2',
      version: 'v1.31.4',
      controlPlane: { replicas: 3 },
      workers: {
        machineDeployments: [
          { class: 'default-worker', name: 'md-0', replicas: 5 },
        ],
      },
    });
    const helmfile = yaml.parse(
      files['clusters/stg-euw1-search-02/provisioning/helmfile.yaml'],
    );
    const cilium = helmfile.releases.find((r: any) => r.name === 'cilium');
    expect(cilium).toMatchObject({
      namespace: 'kube-system',
      chart: 'cilium/cilium',
      version: '1.16.5',
      values: [
        {
          ipam: {
            mode: 'cluster-pool',
            operator: { clusterPoolIPv4PodCIDRList: ['100.64.128.0/17'] },
          },
        },
      ],
    });
    expect(
      helmfile.releases.find((r: any) => r.name === 'envoy-gateway').chart,
    ).toBe('oci://docker.io/envoyproxy/gateway-helm');
    expect(
      yaml.parse(files['clusters/stg-euw1-search-02/cluster.yaml']).spec
        .lifecycle,
    ).toBe('experimental');
  });

  it('renders a Crossplane claim of the profile composite type (regulated)', () => {
    const files = filesOf(
      contextFor(demoProfile('regulated'), regulatedRequest, {
        podCidr: '10.161.0.0/16',
        serviceCidr: '10.176.16.0/20',
      }),
    );
    const claim = yaml.parse(
      files['clusters/reg-euw1-cards-01/provisioning/crossplane-claim.yaml'],
    );
    expect(crossplaneClaimSchema.parse(claim)).toEqual(claim);
    expect(claim).toMatchObject({
      apiVersion: 'platform.acme.example/v1alpha1',
      kind: 'RegulatedCluster',
      metadata: { name: 'reg-euw1-cards-01', namespace: 'fleet-clusters' },
      spec: {
        compositionRef: { name: 'xcluster-rke2-regulated-v1' },
        writeConnectionSecretToRef: { name: 'reg-euw1-cards-01-kubeconfig' },
        parameters: {
          kubernetesVersion: 'v1.30.8',
          nodes: { controlPlane: 3, workers: 4 },
          network: { podCidr: '10.161.0.0/16', serviceCidr: '10.176.16.0/20' },
        },
      },
    });
  });

  it('refuses a Crossplane profile that does not name its claim kind', () => {
    const profile = demoProfile('regulated');
    delete profile.spec.provisioner!.claim;
    expect(() =>
      renderClusterFiles(contextFor(profile, regulatedRequest)),
    ).toThrow(
      new InputError(
        'profile regulated provisions with Crossplane but does not name its claim kind and Composition (spec.provisioner.claim, spec.provisioner.clusterClass)',
      ),
    );
  });

  it('renders an Omni cluster template with machine classes and the CIDRs as a Talos patch', () => {
    const profile = demoProfile('production');
    profile.spec.provisioner = {
      type: 'omni',
      talosVersion: '1.8.3',
      machineClass: { controlPlane: 'cp-large', workers: 'worker-xl' },
    };
    const request: ClusterRequest = {
      ...regulatedRequest,
      name: 'prd-euw1-orders-01',
      profile: 'production',
    };
    const files = filesOf(
      contextFor(profile, request, {
        podCidr: '10.70.0.0/16',
        serviceCidr: '10.100.0.0/20',
      }),
    );
    const documents = yaml
      .parseAllDocuments(
        files[
          'clusters/prd-euw1-orders-01/provisioning/omni-cluster-template.yaml'
        ],
      )
      .map(d => d.toJS());
    expect(documents.map(d => d.kind)).toEqual([
      'Cluster',
      'ControlPlane',
      'Workers',
    ]);
    expect(omniClusterSchema.parse(documents[0])).toEqual(documents[0]);
    expect(omniControlPlaneSchema.parse(documents[1])).toEqual(documents[1]);
    expect(omniWorkersSchema.parse(documents[2])).toEqual(documents[2]);
    expect(documents[0]).toMatchObject({
      name: 'prd-euw1-orders-01',
      kubernetes: { version: 'v1.31.4' },
      talos: { version: 'v1.8.3' },
      patches: [
        {
          name: 'fleet-portal-cidrs',
          inline: {
            cluster: {
              network: {
                podSubnets: ['10.70.0.0/16'],
                serviceSubnets: ['10.100.0.0/20'],
              },
            },
          },
        },
      ],
    });
    expect(documents[1].machineClass).toEqual({ name: 'cp-large', size: 3 });
    expect(documents[2].machineClass).toEqual({ name: 'worker-xl', size: 4 });
  });

  it('refuses an Omni profile without a Talos version', () => {
    const profile = demoProfile('production');
    profile.spec.provisioner = {
      type: 'omni',
      machineClass: { controlPlane: 'cp' },
    };
    expect(() =>
      renderClusterFiles(
        contextFor(profile, { ...regulatedRequest, name: 'prd-euw1-x-01' }),
      ),
    ).toThrow(/spec.provisioner.talosVersion/);
  });

  it('refuses what the target tool would reject, naming the file and field', () => {
    const profile = demoProfile('edge');
    profile.spec.provisioner = {
      type: 'cluster-api',
      clusterClass: 'k3s-edge-single-v1',
    };
    profile.spec.kubernetes.version = 'latest';
    expect(() =>
      renderClusterFiles(contextFor(profile, edgeRequest())),
    ).toThrow(
      'clusters/edg-ber03-store-01/provisioning/cluster-api.yaml would be invalid: spec.topology.version: is not a v-prefixed version such as v1.31.4',
    );
  });

  it('refuses a cluster entity the catalog would reject (bad node CIDR), naming the field', () => {
    expect(() =>
      renderClusterFiles(
        contextFor(
          demoProfile('edge'),
          edgeRequest({ nodeCidr: '10.50.3.0/33' }),
        ),
      ),
    ).toThrow(/The cluster entity would be invalid: spec\.network\.nodeCidr/);
  });

  it('records dates, CIDRs and IPv6 pod pools for Cilium', () => {
    const request: ClusterRequest = {
      ...edgeRequest(),
      name: 'stg-euw1-v6-01',
      profile: 'non-production',
      environment: 'staging',
      nodes: { controlPlane: 1, workers: 1 },
      lifetime: { class: 'project', retireBy: '2026-09-30' },
    };
    const files = filesOf(
      contextFor(demoProfile('non-production'), request, {
        podCidr: 'fd00:10:0:100::/56',
        serviceCidr: 'fd00:20::/108',
      }),
    );
    const entity = yaml.parse(files['clusters/stg-euw1-v6-01/cluster.yaml']);
    expect(validateGovernedCluster(entity)).toEqual([]);
    expect(entity.spec.lifetime).toEqual({
      class: 'project',
      created: '2026-05-15',
      retireBy: '2026-09-30',
    });
    const helmfile = yaml.parse(
      files['clusters/stg-euw1-v6-01/provisioning/helmfile.yaml'],
    );
    expect(
      helmfile.releases.find((r: any) => r.name === 'cilium').values[0].ipam
        .operator,
    ).toEqual({
      clusterPoolIPv6PodCIDRList: ['fd00:10:0:100::/56'],
    });
  });
});
