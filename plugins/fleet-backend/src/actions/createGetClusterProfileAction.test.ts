import { Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  fleet,
  profileEntity,
  registeredFrom,
  TODAY,
} from '../__fixtures__/entities';
import { MALLORY, startActionsBackend } from './__testUtils__/actionsBackend';

function withSpec(entity: Entity, spec: object): Entity {
  return { ...entity, spec: { ...entity.spec, ...spec } };
}

const nonProduction = withSpec(
  profileEntity('non-production', '2.4.0', ['2.3.0'], 6),
  {
    type: 'non-production',
    clickOps: { allowed: true },
    admission: { controller: 'kyverno', mode: 'audit' },
    storageClasses: {
      default: 'standard-hdd',
      available: ['standard-hdd', 'fast-ssd'],
    },
    naming: {
      pattern: '^(dev|stg|tst)-[a-z0-9]+-[a-z0-9]+-[0-9]{2}$',
      example: 'stg-euw1-checkout-01',
    },
    nodes: { workers: { min: 1, max: 20 } },
    provisioner: { type: 'cluster-api', clusterClass: 'talos' },
    tenancy: {
      defaults: {
        quota: { 'requests.cpu': '2', 'limits.memory': '8Gi' },
        limits: { default: { cpu: '500m' } },
      },
      maximums: { quota: { 'requests.cpu': '16', 'limits.memory': '64Gi' } },
      allowedRoles: ['view', 'edit', 'admin'],
      networkPolicy: { allowSameNamespace: true, allowDnsEgress: true },
    },
    network: {
      podPools: ['10.64.0.0/10'],
      servicePools: ['10.96.0.0/12'],
      podPrefix: 16,
      servicePrefix: 20,
    },
  },
);

describe('fleet:get-cluster-profile', () => {
  let context: Awaited<ReturnType<typeof startActionsBackend>>;

  beforeAll(async () => {
    context = await startActionsBackend({
      entities: [
        ...fleet,
        nonProduction,
        profileEntity('production', '3.2.0', ['3.1.0']),
        // registered by someone from another repository: not governed
        registeredFrom(
          profileEntity('anything-goes', '1.0.0'),
          'https://git.example.com/someone/profiles/blob/main/anything-goes.yaml',
        ),
      ],
      today: TODAY,
      config: { app: { baseUrl: 'https://portal.example.com' } },
    });
  });
  afterAll(() => context.backend.stop());

  const get = (input: object, user?: string) =>
    context
      .invoke('get-cluster-profile', input as any, user)
      .then(r => r.output as any);

  it("gives the profile's rules, tenancy defaults and maximums and CIDR pools", async () => {
    const output = await get({ profile: 'non-production' });
    expect(output).toEqual({
      entityRef: 'clusterprofile:default/non-production',
      name: 'non-production',
      type: 'non-production',
      version: '2.4.0',
      allowedVersions: ['2.3.0'],
      lifecycle: 'production',
      owner: 'group:default/platform-team',
      governed: true,
      kubernetes: { distribution: 'talos', version: '1.31.4' },
      components: [{ name: 'cilium', role: 'cni', version: '1.16.5' }],
      rules: {
        clickOpsAllowed: true,
        admissionController: 'kyverno',
        admissionMode: 'audit',
        storageClasses: ['standard-hdd', 'fast-ssd'],
        defaultStorageClass: 'standard-hdd',
        namingPattern: '^(dev|stg|tst)-[a-z0-9]+-[a-z0-9]+-[0-9]{2}$',
        namingExample: 'stg-euw1-checkout-01',
        reviewIntervalMonths: 6,
        maxLifetimeDays: 365,
        nodes: { workers: { min: 1, max: 20 } },
        provisioner: 'cluster-api',
      },
      tenancy: {
        defaultQuota: { 'requests.cpu': '2', 'limits.memory': '8Gi' },
        maximumQuota: { 'requests.cpu': '16', 'limits.memory': '64Gi' },
        defaultLimits: { default: { cpu: '500m' } },
        allowedRoles: ['view', 'edit', 'admin'],
        networkPolicy: { allowSameNamespace: true, allowDnsEgress: true },
      },
      network: {
        podPools: ['10.64.0.0/10'],
        servicePools: ['10.96.0.0/12'],
        podPrefix: 16,
        servicePrefix: 20,
      },
      url: 'https://portal.example.com/catalog/default/clusterprofile/non-production/profile',
    });
  });

  it('says when a profile is not from the platform repository', async () => {
    const output = await get({
      profile: 'clusterprofile:default/anything-goes',
    });
    expect(output.governed).toBe(false);
    expect((await get({ profile: 'production' })).governed).toBe(true);
  });

  it('answers NotFoundError for an unknown profile and for an entity that is no profile', async () => {
    await expect(get({ profile: 'nonexistent' })).rejects.toThrow(
      'No cluster profile nonexistent in the catalog (or you may not see it)',
    );
    await expect(
      get({ profile: 'resource:default/prd-euw1-payments-01' }),
    ).rejects.toThrow(NotFoundError);
  });

  it('refuses what is no entity ref, and input that does not fit the schema', async () => {
    await expect(get({ profile: 'clusterprofile:' })).rejects.toThrow(
      InputError,
    );
    await expect(get({})).rejects.toThrow(InputError);
    await expect(get({ profile: ['production'] })).rejects.toThrow(InputError);
  });

  it('refuses a caller without fleet.lifecycle.read', async () => {
    await expect(get({ profile: 'production' }, MALLORY)).rejects.toThrow(
      NotAllowedError,
    );
  });
});
