import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  PlatformRepoStatus,
  PlatformRepoStatusList,
} from '@fleet-portal/plugin-fleet-common';
import { responseError } from '../../__testUtils__/fleet';
import {
  platformRepoApiRef,
  type PlatformRepoApi,
} from '../../api/PlatformRepoApi';
import { PlatformRepositoryPage } from './PlatformRepositoryPage';

const demo: PlatformRepoStatus = {
  id: 'demo',
  remote: 'https://***@git.example.com/platform-config.git',
  branch: 'main',
  lastAttemptAt: '2026-11-20T10:02:00.000Z',
  lastRead: {
    commit: '3f2c9a1b7e5d4c3b2a1908f7e6d5c4b3a2918f7e',
    at: '2026-11-20T10:02:00.000Z',
    entities: { profiles: 4, clusters: 12, namespaces: 1 },
    skippedFiles: 2,
    problems: [
      {
        path: 'clusters/prd-euw1-bomb-01/cluster.yaml',
        line: 7,
        reason:
          'invalid YAML: its aliases (such as *l0) expand to more data than an entity file may hold; write the values out instead',
        lastGoodKept: false,
      },
      {
        path: 'clusters/prd-euw1-checkout-01/cluster.yaml',
        line: 17,
        reason: 'spec.network.podCidr: 10.65.0.0/33 is not a valid IPv4 CIDR',
        lastGoodKept: true,
      },
    ],
  },
};

const render = (getStatus: PlatformRepoApi['getStatus']) =>
  renderInTestApp(
    <TestApiProvider apis={[[platformRepoApiRef, { getStatus }]]}>
      <PlatformRepositoryPage />
    </TestApiProvider>,
  );
const answering = (list: PlatformRepoStatusList) =>
  jest.fn().mockResolvedValue(list);

describe('PlatformRepositoryPage', () => {
  it('shows what was read and every skipped file with its line and reason', async () => {
    await render(answering({ items: [demo] }));
    const table = await screen.findByRole('table', {
      name: 'Skipped files of demo',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      'clusters/prd-euw1-bomb-01/cluster.yaml7invalid YAML: its aliases (such as *l0) expand to more data than an entity file may hold; write the values out insteadhas no entity for it',
      'clusters/prd-euw1-checkout-01/cluster.yaml17spec.network.podCidr: 10.65.0.0/33 is not a valid IPv4 CIDRkeeps serving its last good version, marked with this error',
    ]);
    for (const text of [
      'Platform repository demo',
      'https://***@git.example.com/platform-config.git',
      '3f2c9a1b7e5d4c3b2a1908f7e6d5c4b3a2918f7e',
      '2026-11-20 10:02:00 UTC',
      '4 profiles, 12 clusters, 1 tenant namespace',
    ]) {
      expect(screen.getAllByText(text).length).toBeGreaterThan(0);
    }
    expect(
      screen.queryByText(/The latest read failed/),
    ).not.toBeInTheDocument();
  });

  it('says why the latest read failed, and that the catalog keeps the last good read', async () => {
    await render(
      answering({
        items: [
          {
            ...demo,
            lastAttemptAt: '2026-11-20T10:04:00.000Z',
            failure:
              'Cannot read platform repository demo; caused by GitCommandError: git fetch failed',
          },
        ],
      }),
    );
    expect(
      await screen.findByText(
        /The latest read failed \(2026-11-20 10:04:00 UTC\)/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Cannot read platform repository demo; caused by GitCommandError: git fetch failed',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'The catalog keeps what the last good read below ingested.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Skipped files of demo' }),
    ).toBeInTheDocument();
  });

  it('tells a repository with nothing skipped and one not read yet apart', async () => {
    await render(
      answering({
        items: [
          {
            ...demo,
            lastRead: { ...demo.lastRead!, skippedFiles: 0, problems: [] },
          },
          { id: 'edge', remote: '/srv/git/edge.git', branch: 'main' },
        ],
      }),
    );
    expect(
      await screen.findByText(
        'No file was skipped: every entity file of this commit was ingested.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Not read yet: the provider has not finished a run since it was configured.',
      ),
    ).toBeInTheDocument();
  });

  it('says when no platform repository is configured', async () => {
    await render(answering({ items: [] }));
    expect(
      await screen.findByText('No platform repository is configured'),
    ).toBeInTheDocument();
  });

  it('names the permission when the user may not see the state', async () => {
    await render(
      jest
        .fn()
        .mockImplementation(() =>
          responseError(403).then(e => Promise.reject(e)),
        ),
    );
    expect(
      await screen.findByText(
        /You don't have permission to view the state of the platform repository/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Ask the platform team for the fleet.platformRepo.read permission.',
      ),
    ).toBeInTheDocument();
  });

  it('shows other errors', async () => {
    await render(
      jest
        .fn()
        .mockImplementation(() =>
          responseError(500).then(e => Promise.reject(e)),
        ),
    );
    expect(
      await screen.findByText(
        /Could not load the state of the platform repository/,
      ),
    ).toBeInTheDocument();
  });
});
