import { render, screen, within } from '@testing-library/react';
import { ResourceTable } from './ResourceTable';

describe('ResourceTable', () => {
  it('puts the columns side by side with a dash where a value is missing', () => {
    render(
      <ResourceTable
        label="Quota"
        columns={[
          { title: 'Default', values: { 'requests.cpu': '2', pods: '50' } },
          { title: 'Maximum', values: { 'requests.cpu': '16' } },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Quota' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map(row => row.textContent)).toEqual([
      'ResourceDefaultMaximum',
      'requests.cpu216',
      'pods50—',
    ]);
  });

  it('renders nothing without values', () => {
    const { container } = render(
      <ResourceTable label="Quota" columns={[{ title: 'Default' }]} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
