import FormHelperText from '@material-ui/core/FormHelperText';
import {
  platformRepoPaths,
  proposalOnly,
} from '@fleet-portal/plugin-fleet-common';
import { useNamespaceTarget } from './useNamespaceTarget';

/**
 * What giving the namespace back deletes, said before it is confirmed: its folder in the
 * platform repository with both files, and whether that is a reviewed proposal or lands on
 * main.
 */
export function DeletionSummary(props: {
  formContext: unknown;
  namespaceField: string;
}) {
  const { value: target } = useNamespaceTarget(
    props.formContext,
    props.namespaceField,
  );
  if (!target) {
    return null;
  }
  const name = target.entity.spec.namespace;
  const cluster = target.cluster.metadata.name;
  const folder = platformRepoPaths.namespaceDir(cluster, name);
  const proposal = proposalOnly(target.cluster, target.profile);
  return (
    <FormHelperText component="div" error={false}>
      Type <strong>{name}</strong> to confirm. This deletes the namespace {name}{' '}
      on {cluster}: the folder <code>{folder}/</code> and every file in it (the
      namespace entity and its quota, limits, network policies and role
      bindings), and with it the catalog entity after the next refresh.{' '}
      {proposal
        ? `${proposal}, so this is a proposal, reviewed before it is merged.`
        : 'The profile allows ClickOps: the removal lands on main directly.'}
    </FormHelperText>
  );
}
