import Box from '@material-ui/core/Box';
import EditIcon from '@material-ui/icons/Edit';
import DeleteIcon from '@material-ui/icons/DeleteOutline';
import { LinkButton } from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import { namespaceTemplateLink } from './namespaceTemplateLinks';

/** Change the namespace's quota, limits or roles, or give it back: the Day-2 templates, prefilled. */
export function NamespaceActions(props: { entity: Entity }) {
  return (
    <Box display="flex" style={{ gap: 8 }} mt={2}>
      <LinkButton
        to={namespaceTemplateLink('change', props.entity)}
        variant="outlined"
        color="primary"
        size="small"
        startIcon={<EditIcon />}
      >
        Change
      </LinkButton>
      <LinkButton
        to={namespaceTemplateLink('decommission', props.entity)}
        variant="outlined"
        size="small"
        startIcon={<DeleteIcon />}
      >
        Give back
      </LinkButton>
    </Box>
  );
}
