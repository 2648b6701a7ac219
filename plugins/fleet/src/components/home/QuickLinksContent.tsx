import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { Link } from '@backstage/core-components';

const LINKS = [
  {
    to: '/create/templates/default/tenant-namespace',
    title: 'Request a tenant namespace',
    text: 'On a governed cluster, within its profile',
  },
  {
    to: '/create/templates/default/new-cluster',
    title: 'Request a new cluster',
    text: 'From an approved profile (platform team)',
  },
  {
    to: '/fleet/lifecycle',
    title: 'Fleet lifecycle',
    text: 'Review and retirement dates',
  },
];

/** Shortcuts to the two request templates and the fleet pages. */
export function QuickLinksContent() {
  return (
    <List dense>
      {LINKS.map(link => (
        <ListItem key={link.to} disableGutters>
          <ListItemText
            primary={<Link to={link.to}>{link.title}</Link>}
            secondary={link.text}
          />
        </ListItem>
      ))}
    </List>
  );
}
