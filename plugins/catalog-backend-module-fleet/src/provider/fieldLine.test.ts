import { LineCounter, parseDocument } from 'yaml';
import { fieldLine, parseFieldPath } from './fieldLine';

describe('parseFieldPath', () => {
  it('splits the paths of validation issues', () => {
    expect(parseFieldPath('spec.network.podCidr')).toEqual([
      'spec',
      'network',
      'podCidr',
    ]);
    expect(parseFieldPath('spec.components[2].version')).toEqual([
      'spec',
      'components',
      2,
      'version',
    ]);
    expect(parseFieldPath('spec.quota["requests.cpu"]')).toEqual([
      'spec',
      'quota',
      'requests.cpu',
    ]);
    expect(
      parseFieldPath('metadata.annotations["kubernetes.io/api-server"]'),
    ).toEqual(['metadata', 'annotations', 'kubernetes.io/api-server']);
    expect(parseFieldPath('')).toEqual([]);
  });

  it('rejects other syntax', () => {
    expect(parseFieldPath('.spec')).toBeUndefined();
    expect(parseFieldPath('spec..type')).toBeUndefined();
    expect(parseFieldPath('spec[x]')).toBeUndefined();
  });
});

describe('fieldLine', () => {
  const text = `# a comment
spec:
  quota: { requests.cpu: "2", pods: "5" }
  components:
    - name: cilium
    - name: kyverno
      version: latest
`;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const line = (path: string) => fieldLine(doc, lineCounter, path);

  it('finds keys, flow-map keys and sequence items', () => {
    expect(line('spec')).toBe(2);
    expect(line('spec.quota.pods')).toBe(3);
    expect(line('spec.components[1]')).toBe(6);
    expect(line('spec.components[1].version')).toBe(7);
  });

  it('falls back to the closest existing ancestor', () => {
    expect(line('spec.components[1].chart')).toBe(6);
    expect(line('spec.network.podCidr')).toBe(2);
    expect(line('metadata.name')).toBe(2);
    expect(line('spec.quota[0]')).toBe(3);
  });
});
