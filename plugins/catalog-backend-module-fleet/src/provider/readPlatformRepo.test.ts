import { checkEntityEnvelope } from './entityEnvelope';
import {
  aliasBombClusterYaml,
  clusterPath,
  clusterYaml,
  namespacePath,
  namespaceYaml,
  profilePath,
  profileYaml,
} from '../__testUtils__/platformRepo';
import {
  formatFileError,
  isPlatformRepoEntityFile,
  readPlatformRepo,
} from './readPlatformRepo';

// The real envelope check, which one test makes throw.
jest.mock('./entityEnvelope', () => {
  const actual = jest.requireActual('./entityEnvelope');
  return {
    ...actual,
    checkEntityEnvelope: jest.fn(actual.checkEntityEnvelope),
  };
});

const CLUSTER = 'prd-euw1-payments-01';
const OTHER = 'prd-euw1-checkout-01';

const validRepo = [
  { path: profilePath('production'), content: profileYaml('production') },
  { path: clusterPath(CLUSTER), content: clusterYaml(CLUSTER) },
  {
    path: namespacePath(CLUSTER, 'checkout'),
    content: namespaceYaml(CLUSTER, 'checkout'),
  },
];

async function errorsOf(path: string, content: string) {
  const { entities, errors } = await readPlatformRepo([{ path, content }]);
  expect(entities).toEqual([]);
  return errors.map(formatFileError);
}

describe('readPlatformRepo', () => {
  it('reads profiles, clusters and tenant namespaces', async () => {
    const { entities, errors } = await readPlatformRepo(validRepo);
    expect(errors).toEqual([]);
    expect(
      entities.map(e => [e.path, e.entity.kind, e.entity.metadata.name]),
    ).toEqual([
      [clusterPath(CLUSTER), 'Resource', CLUSTER],
      [namespacePath(CLUSTER, 'checkout'), 'Resource', `${CLUSTER}.checkout`],
      [profilePath('production'), 'ClusterProfile', 'production'],
    ]);
  });

  it('ignores files outside the layout', async () => {
    const files = [
      { path: 'README.md', content: '# not yaml: [' },
      {
        path: `clusters/${CLUSTER}/provisioning/cluster.yaml`,
        content: 'kind: Cluster',
      },
      {
        path: `clusters/${CLUSTER}/namespaces/checkout/manifests.yaml`,
        content: '---\n---',
      },
      { path: `clusters/${CLUSTER}/cluster.yml`, content: 'broken: [' },
      { path: 'profiles/production.yaml', content: 'broken: [' },
    ];
    expect(files.some(f => isPlatformRepoEntityFile(f.path))).toBe(false);
    await expect(readPlatformRepo(files)).resolves.toEqual({
      entities: [],
      errors: [],
    });
  });

  it('reports YAML that does not parse, with its line', async () => {
    const path = clusterPath(CLUSTER);
    const unclosed = clusterYaml(CLUSTER).replace(
      '  region: eu-west-1',
      '  region: [eu-west-1',
    );
    await expect(errorsOf(path, unclosed)).resolves.toEqual([
      `${path}:16: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
    const duplicateKey = clusterYaml(CLUSTER).replace(
      '  region: eu-west-1',
      '  region: eu-west-1\n  region: eu-west-2',
    );
    await expect(errorsOf(path, duplicateKey)).resolves.toEqual([
      `${path}:16: invalid YAML: Map keys must be unique`,
    ]);
  });

  it('reports a validation error on the line of the field', async () => {
    await expect(
      errorsOf(
        clusterPath(CLUSTER),
        clusterYaml(CLUSTER, { podCidr: '10.0.0.0/33' }),
      ),
    ).resolves.toEqual([
      expect.stringMatching(
        `^clusters/${CLUSTER}/cluster\\.yaml:17: spec\\.network\\.podCidr: 10\\.0\\.0\\.0/33 is not a valid IPv4 CIDR`,
      ),
    ]);
  });

  it('points a missing field at its closest existing parent', async () => {
    const content = clusterYaml(CLUSTER).replace(
      '    serviceCidr: 10.128.0.0/20\n',
      '',
    );
    await expect(errorsOf(clusterPath(CLUSTER), content)).resolves.toEqual([
      `clusters/${CLUSTER}/cluster.yaml:16: spec.network.serviceCidr: is required for a governed cluster`,
    ]);
  });

  it('finds indexed and quoted fields of a profile', async () => {
    const content = profileYaml().replace(
      'version: v1.16.2',
      'version: latest',
    );
    const line =
      content.split('\n').findIndex(l => l.includes('version: latest')) + 1;
    await expect(errorsOf(profilePath('production'), content)).resolves.toEqual(
      [
        expect.stringContaining(
          `profiles/production/profile.yaml:${line}: spec.components[1].version: "latest" is not an explicit version pin`,
        ),
      ],
    );

    const quota = namespaceYaml(CLUSTER, 'checkout').replace(
      'requests.cpu: "2"',
      'requests.cpu: "2 cpus"',
    );
    await expect(
      errorsOf(namespacePath(CLUSTER, 'checkout'), quota),
    ).resolves.toEqual([
      expect.stringContaining(
        `namespace.yaml:12: spec.quota["requests.cpu"]: "2 cpus" is not a Kubernetes quantity`,
      ),
    ]);
  });

  it('reports every issue of a file', async () => {
    const errors = await errorsOf(
      clusterPath(CLUSTER),
      clusterYaml(CLUSTER, {
        podCidr: '10.64.1.0/16',
        owner: 'component:payments',
      }),
    );
    expect(errors).toEqual([
      expect.stringContaining(
        ':9: spec.owner: "component:payments" must reference a group or user',
      ),
      expect.stringContaining(
        ':17: spec.network.podCidr: 10.64.1.0/16 has host bits set',
      ),
    ]);
  });

  it('requires the cluster and profile names to match their directories', async () => {
    await expect(
      errorsOf(clusterPath(OTHER), clusterYaml(CLUSTER)),
    ).resolves.toEqual([
      `clusters/${OTHER}/cluster.yaml:4: metadata.name: must be ${OTHER} (the name of its directory), not ${CLUSTER}`,
    ]);
    await expect(
      errorsOf(profilePath('edge'), profileYaml('production')),
    ).resolves.toEqual([
      expect.stringMatching(
        /^profiles\/edge\/profile\.yaml:\d+: metadata\.name: must be edge \(the name of its directory\), not production$/,
      ),
    ]);
  });

  it('requires a tenant namespace to match its cluster and namespace directories', async () => {
    await expect(
      errorsOf(
        namespacePath(OTHER, 'checkout'),
        namespaceYaml(CLUSTER, 'checkout'),
      ),
    ).resolves.toEqual([
      `clusters/${OTHER}/namespaces/checkout/namespace.yaml:10: spec.cluster: must be ${OTHER} (the cluster directory the file is in), not ${CLUSTER}`,
    ]);
    await expect(
      errorsOf(
        namespacePath(CLUSTER, 'cart'),
        namespaceYaml(CLUSTER, 'checkout'),
      ),
    ).resolves.toEqual([
      `clusters/${CLUSTER}/namespaces/cart/namespace.yaml:11: spec.namespace: must be cart (the name of its directory), not checkout`,
    ]);
  });

  it('requires one document holding an entity', async () => {
    const path = clusterPath(CLUSTER);
    await expect(errorsOf(path, '')).resolves.toEqual([
      `${path}: the file holds no entity`,
    ]);
    await expect(errorsOf(path, '# nothing yet\n')).resolves.toEqual([
      `${path}: the file holds no entity`,
    ]);
    await expect(
      errorsOf(path, `${clusterYaml(CLUSTER)}---\n${clusterYaml(CLUSTER)}`),
    ).resolves.toEqual([
      `${path}:22: expected one YAML document with one entity, found 2`,
    ]);
    await expect(errorsOf(path, '- just\n- a list\n')).resolves.toEqual([
      `${path}:1: malformed entity: <root> must be object`,
    ]);
  });

  it('reports what the catalog would reject about the envelope', async () => {
    const path = clusterPath(CLUSTER);
    await expect(
      errorsOf(path, clusterYaml(CLUSTER).replace('kind: Resource\n', '')),
    ).resolves.toEqual([
      `${path}:1: malformed entity: <root> must have required property 'kind'`,
    ]);
    await expect(
      errorsOf(
        path,
        clusterYaml(CLUSTER, { annotations: { 'example.com/x': 1 as any } }),
      ),
    ).resolves.toEqual([
      `${path}:6: malformed entity: /metadata/annotations/example.com~1x must be string`,
    ]);
  });

  it('requires the Kubernetes access annotations as a set', async () => {
    const path = clusterPath(CLUSTER);
    const errors = await errorsOf(
      path,
      clusterYaml(CLUSTER, {
        annotations: { 'kubernetes.io/api-server': 'api.example.com:6443' },
      }),
    );
    expect(errors).toEqual([
      `${path}:6: metadata.annotations["kubernetes.io/api-server-certificate-authority"]: is required when kubernetes.io/api-server is set (the Kubernetes plugin needs all of kubernetes.io/api-server, kubernetes.io/api-server-certificate-authority, kubernetes.io/auth-provider)`,
      `${path}:6: metadata.annotations["kubernetes.io/auth-provider"]: is required when kubernetes.io/api-server is set (the Kubernetes plugin needs all of kubernetes.io/api-server, kubernetes.io/api-server-certificate-authority, kubernetes.io/auth-provider)`,
      `${path}:6: metadata.annotations["kubernetes.io/api-server"]: "api.example.com:6443" is not an http(s) URL`,
    ]);
  });

  it('keeps the first of two files that define the same entity', async () => {
    const { entities, errors } = await readPlatformRepo([
      { path: profilePath('production'), content: profileYaml('production') },
      {
        path: 'profiles/Production/profile.yaml',
        content: profileYaml('Production'),
      },
    ]);
    expect(entities.map(e => e.path)).toEqual([
      'profiles/Production/profile.yaml',
    ]);
    expect(errors.map(formatFileError)).toEqual([
      'profiles/production/profile.yaml:1: clusterprofile:default/production is already defined in profiles/Production/profile.yaml',
    ]);
  });

  it('does not let one bad file hide the others', async () => {
    const { entities, errors } = await readPlatformRepo([
      ...validRepo,
      { path: clusterPath(OTHER), content: 'apiVersion: [' },
      {
        path: namespacePath(OTHER, 'cart'),
        content: namespaceYaml(OTHER, 'default'),
      },
    ]);
    expect(entities).toHaveLength(3);
    expect(errors.map(e => e.path)).toEqual([
      clusterPath(OTHER),
      namespacePath(OTHER, 'cart'),
      namespacePath(OTHER, 'cart'),
    ]);
  });

  describe('limits on the YAML of a file', () => {
    it('skips an alias bomb at its first alias and reads the other files', async () => {
      const { entities, errors } = await readPlatformRepo([
        ...validRepo,
        { path: clusterPath(OTHER), content: aliasBombClusterYaml(OTHER) },
      ]);
      expect(entities).toHaveLength(3);
      expect(errors.map(formatFileError)).toEqual([
        `${clusterPath(
          OTHER,
        )}:7: invalid YAML: its aliases (such as *l0) expand to more data than an entity file may hold; write the values out instead`,
      ]);
    });

    it('skips maps and lists nested more than 64 levels deep, flow or block', async () => {
      const path = clusterPath(OTHER);
      const flow = `apiVersion: backstage.io/v1alpha1\nkind: ${'['.repeat(
        100_000,
      )}${']'.repeat(100_000)}\n`;
      const block = `a:\n${Array.from(
        { length: 80 },
        (_, depth) => `${'  '.repeat(depth + 1)}k${depth}:`,
      ).join('\n')} x\n`;
      const start = performance.now();
      await expect(errorsOf(path, flow)).resolves.toEqual([
        `${path}:2: invalid YAML: it nests maps and lists more than 64 levels deep`,
      ]);
      // found before the parser works through 100,000 brackets
      expect(performance.now() - start).toBeLessThan(300);
      await expect(errorsOf(path, block)).resolves.toEqual([
        `${path}:65: invalid YAML: it nests maps and lists more than 64 levels deep`,
      ]);
    });

    it('finds repeated keys of a large map in linear time', async () => {
      const path = clusterPath(OTHER);
      const keys = Array.from(
        { length: 40_000 },
        (_, i) => `    k${i}: v${i}`,
      ).join('\n');
      const content = `${clusterYaml(OTHER).replace(
        '  annotations: {}\n',
        `  annotations:\n${keys}\n    k1: again\n`,
      )}`;
      const start = performance.now();
      await expect(errorsOf(path, content)).resolves.toEqual([
        `${path}:40007: invalid YAML: Map keys must be unique`,
      ]);
      // The parser's own check compares every pair of keys: minutes for this map.
      expect(performance.now() - start).toBeLessThan(5_000);
    });

    it('skips only its file when checking an entity throws', async () => {
      jest
        .mocked(checkEntityEnvelope)
        .mockRejectedValueOnce(new Error('validator crashed'));
      const { entities, errors } = await readPlatformRepo(validRepo);
      expect(entities).toHaveLength(2);
      expect(errors.map(formatFileError)).toEqual([
        `${profilePath(
          'production',
        )}:1: the entity could not be checked: validator crashed`,
      ]);
    });
  });
});
