import { Table, type TableColumn } from '@backstage/core-components';
import type { ProfileComponent } from '@fleet-portal/plugin-fleet-common';

const columns: TableColumn<ProfileComponent>[] = [
  { title: 'Name', field: 'name', highlight: true },
  { title: 'Role', field: 'role' },
  { title: 'Version', field: 'version' },
  { title: 'Chart', field: 'chart' },
];

/** The components the profile pins, each at an explicit version. */
export function ComponentsCard(props: { components: ProfileComponent[] }) {
  return (
    <Table<ProfileComponent>
      title="Pinned components"
      columns={columns}
      data={props.components.map(component => ({ ...component }))}
      options={{ paging: false, search: false, padding: 'dense' }}
      emptyContent={
        <div style={{ padding: 16 }}>This profile pins no components.</div>
      }
    />
  );
}
