import { useEffect, useState } from 'react';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import type { CidrBlockPreview } from '@fleet-portal/plugin-fleet-common';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { fleetApiRef } from '../../../api/FleetApi';
import { formValue } from './useClusterProfile';

/** What the field hands to the render action: the previewed blocks, reserved as they are. */
export type PreviewedCidrs = { podCidr?: string; serviceCidr?: string };

export type CidrPreviewOptions = {
  /** @defaultValue profile */
  profileField?: string;
  /** @defaultValue name */
  nameField?: string;
};

const SOURCE_TEXT = {
  allocated: 'next free block',
  requested: 'as requested',
  reservation: 'already reserved for this cluster',
};

function BlockRow(props: { label: string; block: CidrBlockPreview }) {
  const { label, block } = props;
  return (
    <TableRow>
      <TableCell>{label}</TableCell>
      {block.ok ? (
        <>
          <TableCell data-testid={`fleet-cidr-${block.role}`}>
            <strong>{block.cidr}</strong>
          </TableCell>
          <TableCell>{block.pool}</TableCell>
          <TableCell>{SOURCE_TEXT[block.source]}</TableCell>
        </>
      ) : (
        <TableCell colSpan={3}>
          <Typography color="error" variant="body2">
            {block.reason}
          </Typography>
        </TableCell>
      )}
    </TableRow>
  );
}

/**
 * Shows the pod and service CIDRs the fleet backend would allocate to the new cluster from its
 * profile's pools, avoiding every other cluster, pending reservation and reserved range. The
 * previewed blocks become the field's value, so the request reserves exactly what was shown
 * (or fails clearly if another request took them meanwhile).
 */
export function CidrPreviewField(
  props: FieldExtensionComponentProps<PreviewedCidrs, CidrPreviewOptions>,
) {
  const { onChange, uiSchema, formContext, schema, rawErrors } = props;
  const options = uiSchema?.['ui:options'] ?? {};
  const profileRef = formValue(formContext, options.profileField ?? 'profile');
  const typedName = formValue(formContext, options.nameField ?? 'name');
  // the name is typed key by key in the builder; ask once it settles
  const [cluster, setCluster] = useState(typedName);
  useDebounce(() => setCluster(typedName), 400, [typedName]);
  const fleetApi = useApi(fleetApiRef);
  const {
    value: preview,
    loading,
    error,
  } = useAsync(async () => {
    // A preview names its cluster: it waits for a complete name.
    if (!profileRef || !cluster) {
      return undefined;
    }
    return fleetApi.previewCidrs({ profileRef, cluster });
  }, [fleetApi, profileRef, cluster]);

  const podCidr = preview?.pod.ok ? preview.pod.cidr : undefined;
  const serviceCidr = preview?.service.ok ? preview.service.cidr : undefined;
  useEffect(() => {
    onChange(podCidr && serviceCidr ? { podCidr, serviceCidr } : undefined);
  }, [podCidr, serviceCidr]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <FormControl
      fullWidth
      margin="normal"
      error={!!error || !!rawErrors?.length}
    >
      <Typography variant="subtitle1">
        {schema.title ?? 'Pod and service CIDRs'}
      </Typography>
      {!profileRef && (
        <FormHelperText>Choose a cluster profile first</FormHelperText>
      )}
      {profileRef && !cluster && (
        <FormHelperText>
          The CIDRs are previewed once the cluster name is complete
        </FormHelperText>
      )}
      {loading && <Progress />}
      {error && (
        <FormHelperText>
          Could not preview the CIDRs: {error.message}
        </FormHelperText>
      )}
      {preview && (
        <Table size="small" aria-label="CIDR preview">
          <TableHead>
            <TableRow>
              <TableCell>Block</TableCell>
              <TableCell>CIDR</TableCell>
              <TableCell>Pool</TableCell>
              <TableCell>Source</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            <BlockRow label="Pods" block={preview.pod} />
            <BlockRow label="Services" block={preview.service} />
          </TableBody>
        </Table>
      )}
      <FormHelperText>
        {schema.description ??
          'Unique across the fleet; reserved for this cluster when the request runs.'}
      </FormHelperText>
    </FormControl>
  );
}

/** The step cannot go on without both blocks. */
export const cidrPreviewValidation: CustomFieldValidator<
  PreviewedCidrs,
  CidrPreviewOptions
> = (value, validation) => {
  if (!value?.podCidr || !value?.serviceCidr) {
    validation.addError(
      'No CIDRs could be previewed for this cluster; fix the profile or name, or ask the platform team to extend the pool',
    );
  }
};
