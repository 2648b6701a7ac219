import { render, screen } from '@testing-library/react';
import type { ClusterLifecycle } from '@fleet-portal/plugin-fleet-common';
import { columns } from './columns';

const statusColumn = columns.find(column => column.sortField === 'status')!;

const cluster = (overrides: Partial<ClusterLifecycle>): ClusterLifecycle => ({
  entityRef: 'resource:default/c1',
  name: 'c1',
  status: 'unknown',
  governed: true,
  findings: [],
  ...overrides,
});

describe('lifecycle table columns', () => {
  it('marks an ungoverned cluster next to its status', () => {
    render(
      <>
        {statusColumn.render(
          cluster({
            governed: false,
            findings: [
              {
                code: 'ungoverned',
                severity: 'critical',
                message: 'Known to Portainer only',
              },
            ],
          }),
        )}
      </>,
    );
    expect(screen.getByText('Unknown')).toBeInTheDocument();
    expect(screen.getByText('Ungoverned')).toBeInTheDocument();
  });

  it('shows no mark on a governed cluster', () => {
    render(<>{statusColumn.render(cluster({ status: 'ok' }))}</>);
    expect(screen.queryByText('Ungoverned')).toBeNull();
  });
});
