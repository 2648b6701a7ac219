import { sourceAnnotations } from './sourceAnnotations';

describe('sourceAnnotations', () => {
  it('links files of https remotes, without credentials or .git', () => {
    expect(
      sourceAnnotations(
        'https://user:secret@github.com/acme/platform-config.git',
        'main',
        'clusters/prd-euw1-payments-01/cluster.yaml',
      ),
    ).toEqual({
      'backstage.io/managed-by-location':
        'url:https://github.com/acme/platform-config/blob/main/clusters/prd-euw1-payments-01/cluster.yaml',
      'backstage.io/managed-by-origin-location':
        'url:https://github.com/acme/platform-config/blob/main/clusters/prd-euw1-payments-01/cluster.yaml',
      'backstage.io/view-url':
        'https://github.com/acme/platform-config/blob/main/clusters/prd-euw1-payments-01/cluster.yaml',
      'backstage.io/source-location':
        'url:https://github.com/acme/platform-config/tree/main/clusters/prd-euw1-payments-01/',
      'fleet-portal.dev/source': 'platform-repo',
      'fleet-portal.dev/source-file':
        'clusters/prd-euw1-payments-01/cluster.yaml',
    });
  });

  it('uses the fleet-platform-repo location type for other remotes', () => {
    expect(
      sourceAnnotations(
        '/srv/git/platform-config.git/',
        'main',
        'profiles/edge/profile.yaml',
      ),
    ).toEqual({
      'backstage.io/managed-by-location':
        'fleet-platform-repo:/srv/git/platform-config.git/profiles/edge/profile.yaml',
      'backstage.io/managed-by-origin-location':
        'fleet-platform-repo:/srv/git/platform-config.git/profiles/edge/profile.yaml',
      'fleet-portal.dev/source': 'platform-repo',
      'fleet-portal.dev/source-file': 'profiles/edge/profile.yaml',
    });
    expect(
      sourceAnnotations(
        'http://bot:t0ken@git.internal/platform.git',
        'main',
        'a.yaml',
      )['backstage.io/managed-by-location'],
    ).toBe('fleet-platform-repo:http://git.internal/platform.git/a.yaml');
  });
});
