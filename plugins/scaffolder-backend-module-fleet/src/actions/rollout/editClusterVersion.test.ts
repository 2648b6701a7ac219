import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { editClusterVersion } from './editClusterVersion';

const EDIT = { profileVersion: '3.2.0', versionSince: '2026-12-06' };
const FILE = 'clusters/prd-euw1-x-01/cluster.yaml';

/** The lines of `after` that are not in `before`, and the reverse: what a reviewer sees in the diff. */
function lineDiff(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  return {
    removed: a.filter(line => !b.includes(line)),
    added: b.filter(line => !a.includes(line)),
  };
}

const BLOCK = `# Payments, EU — keep this comment
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: prd-euw1-x-01 # trailing comment
spec:
  type: kubernetes-cluster
  owner: group:default/team-payments
  profile: production
  profileVersion: 3.1.0 # bumped by rollouts
  environment: production
  rollout:
    wave: production-east # east first
    versionSince: "2026-10-01"
  # the network is fixed at creation
  network: { podCidr: 10.64.0.0/16, serviceCidr: 10.128.0.0/20 }
  lifetime: { class: long-lived, created: "2025-03-03", reviewBy: "2027-03-01" }
`;

describe('editClusterVersion', () => {
  it('changes the two values and nothing else', () => {
    const edited = editClusterVersion(BLOCK, EDIT, FILE);
    expect(lineDiff(BLOCK, edited)).toEqual({
      removed: [
        '  profileVersion: 3.1.0 # bumped by rollouts',
        '    versionSince: "2026-10-01"',
      ],
      added: [
        '  profileVersion: 3.2.0 # bumped by rollouts',
        '    versionSince: "2026-12-06"',
      ],
    });
    expect(edited.split('\n')).toHaveLength(BLOCK.split('\n').length);
  });

  it('adds versionSince to a block rollout map that has only the wave', () => {
    const text = BLOCK.replace('    versionSince: "2026-10-01"\n', '');
    const edited = editClusterVersion(text, EDIT, FILE);
    expect(edited).toBe(
      BLOCK.replace('3.1.0', '3.2.0').replace('2026-10-01', '2026-12-06'),
    );
  });

  it('adds versionSince to a flow rollout map', () => {
    const text = BLOCK.replace(
      '  rollout:\n    wave: production-east # east first\n    versionSince: "2026-10-01"\n',
      '  rollout: { wave: production-east }\n',
    );
    const edited = editClusterVersion(text, EDIT, FILE);
    expect(lineDiff(text, edited).added).toEqual([
      '  profileVersion: 3.2.0 # bumped by rollouts',
      '  rollout: { wave: production-east, versionSince: "2026-12-06" }',
    ]);
  });

  it('adds a rollout map after profileVersion to a cluster without one (the unassigned wave)', () => {
    const text = BLOCK.replace(
      '  rollout:\n    wave: production-east # east first\n    versionSince: "2026-10-01"\n',
      '',
    );
    const edited = editClusterVersion(text, EDIT, FILE);
    expect(lineDiff(text, edited)).toEqual({
      removed: ['  profileVersion: 3.1.0 # bumped by rollouts'],
      added: [
        '  profileVersion: 3.2.0 # bumped by rollouts',
        '  rollout: { versionSince: "2026-12-06" }',
      ],
    });
    expect(parse(edited).spec.rollout).toEqual({ versionSince: '2026-12-06' });
  });

  it('keeps CRLF line endings and the quoting of the old value', () => {
    const text = BLOCK.replace(
      'profileVersion: 3.1.0',
      "profileVersion: '3.1.0'",
    ).replace(/\n/g, '\r\n');
    const edited = editClusterVersion(text, EDIT, FILE);
    expect(edited).toContain(
      "profileVersion: '3.2.0' # bumped by rollouts\r\n",
    );
    expect(edited.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('quotes a version that would not read back as a string', () => {
    const edited = editClusterVersion(
      BLOCK,
      { ...EDIT, profileVersion: '4.0' },
      FILE,
    );
    expect(edited).toContain('profileVersion: "4.0"');
    expect(parse(edited).spec.profileVersion).toBe('4.0');
  });

  it('edits every cluster file of the demo platform repository', () => {
    const clusters = path.resolve(
      __dirname,
      '../../../../../examples/platform-config/clusters',
    );
    for (const name of fs.readdirSync(clusters)) {
      const text = fs.readFileSync(
        path.join(clusters, name, 'cluster.yaml'),
        'utf8',
      );
      const edited = editClusterVersion(text, EDIT, name);
      const diff = lineDiff(text, edited);
      expect(
        diff.removed.filter(
          l => !/profileVersion|rollout:|versionSince/.test(l),
        ),
      ).toEqual([]);
      const data = parse(edited);
      expect(data.spec.profileVersion).toBe('3.2.0');
      expect(data.spec.rollout.versionSince).toBe('2026-12-06');
    }
  });

  it.each([
    ['not YAML', 'spec: [unclosed', /is not valid YAML/],
    ['no spec', 'kind: Resource\n', /has no spec map/],
    [
      'no profileVersion',
      'spec:\n  profile: production\n',
      /no plain spec.profileVersion/,
    ],
    [
      'an alias as the version',
      'x: &v 3.1.0\nspec:\n  profileVersion: *v\n',
      /no plain spec.profileVersion/,
    ],
    [
      'a rollout that is a list',
      'spec:\n  profileVersion: 3.1.0\n  rollout: [canary]\n',
      /spec.rollout that is not a map/,
    ],
    ['two documents', 'spec: {}\n---\nspec: {}\n', /is not valid YAML/],
    [
      'duplicate keys',
      'spec:\n  profileVersion: 1.0.0\n  profileVersion: 2.0.0\n',
      /is not valid YAML/,
    ],
  ])('refuses a file with %s, naming it', (_, text, message) => {
    expect(() => editClusterVersion(text, EDIT, FILE)).toThrow(message);
    expect(() => editClusterVersion(text, EDIT, FILE)).toThrow(FILE);
  });
});
