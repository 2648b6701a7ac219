import { ConfigReader, JsonObject } from '@backstage/config';
import os from 'node:os';
import path from 'node:path';
import { readProviderConfigs } from './config';

const read = (fleetPlatformRepo: JsonObject) =>
  readProviderConfigs(
    new ConfigReader({ catalog: { providers: { fleetPlatformRepo } } }),
  );

describe('readProviderConfigs', () => {
  it('reads nothing without config', () => {
    expect(readProviderConfigs(new ConfigReader({}))).toEqual([]);
  });

  it('reads one provider object with defaults', () => {
    expect(read({ remote: 'https://github.com/acme/platform.git' })).toEqual([
      {
        id: 'default',
        remote: 'https://github.com/acme/platform.git',
        branch: 'main',
        schedule: { frequency: { minutes: 2 }, timeout: { minutes: 3 } },
        workDir: path.join(os.tmpdir(), 'fleet-platform-repo', 'default'),
        maxFileBytes: 1024 * 1024,
      },
    ]);
  });

  it('reads a map of providers, resolving local paths', () => {
    const configs = read({
      demo: { remote: 'data/platform.git', workDir: 'data/mirror' },
      prod: {
        remote: 'file:///srv/git/platform.git',
        branch: 'release/2025',
        schedule: {
          frequency: { cron: '*/5 * * * *' },
          timeout: 'PT2M',
          initialDelay: { seconds: 5 },
        },
      },
    });
    expect(configs).toEqual([
      expect.objectContaining({
        id: 'demo',
        remote: path.resolve('data/platform.git'),
        workDir: path.resolve('data/mirror'),
      }),
      expect.objectContaining({
        id: 'prod',
        remote: 'file:///srv/git/platform.git',
        branch: 'release/2025',
        schedule: {
          frequency: { cron: '*/5 * * * *' },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 5 },
        },
      }),
    ]);
  });

  it('rejects what it cannot read safely', () => {
    expect(() => read({ remote: 'git@github.com:acme/platform.git' })).toThrow(
      /only local paths, file:\/\/ and http\(s\) URLs are supported/,
    );
    expect(() =>
      read({ remote: 'ssh://git@github.com/acme/platform.git' }),
    ).toThrow(/only local paths/);
    expect(() =>
      read({ remote: '/srv/platform.git', branch: '--upload-pack=evil' }),
    ).toThrow(/branch: "--upload-pack=evil" is not a branch name/);
    expect(() => read({ remote: '/srv/platform.git', branch: 'a..b' })).toThrow(
      /not a branch name/,
    );
    expect(() => read({ demo: { branch: 'main' } })).toThrow(/remote/);
  });

  it('reads the file size limit', () => {
    expect(
      read({ remote: '/srv/platform.git', maxFileBytes: 4096 })[0].maxFileBytes,
    ).toBe(4096);
    for (const maxFileBytes of [0, -1, 1.5]) {
      expect(() => read({ remote: '/srv/platform.git', maxFileBytes })).toThrow(
        `catalog.providers.fleetPlatformRepo.default.maxFileBytes: ${maxFileBytes} is not a number of bytes (a whole number above 0, e.g. 1048576 for 1 MiB)`,
      );
    }
  });
});
