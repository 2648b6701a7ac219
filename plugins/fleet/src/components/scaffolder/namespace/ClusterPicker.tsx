import { useApi } from '@backstage/frontend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  CLUSTER_SPEC_TYPE,
  type ClusterEntity,
  isGovernedCluster,
} from '@fleet-portal/plugin-fleet-common';
import useAsync from 'react-use/esm/useAsync';
import { CatalogSelect } from '../shared/CatalogSelect';
import { namespaceFieldValidation } from './validation';

/** A cluster a tenant namespace may be requested on: governed, not deprecated, not past retirement. */
export function isRequestableCluster(
  cluster: ClusterEntity,
  today = new Date().toISOString().slice(0, 10),
): boolean {
  const retireBy = cluster.spec.lifetime?.retireBy;
  return (
    isGovernedCluster(cluster) &&
    cluster.spec.lifecycle !== 'deprecated' &&
    !(retireBy && retireBy <= today)
  );
}

/** `<environment> · profile <name> <version>` */
export function clusterFacts(cluster: ClusterEntity): string {
  let profile = cluster.spec.profile ?? '';
  try {
    profile = parseEntityRef(profile, { defaultKind: 'clusterprofile' }).name;
  } catch {
    // shown as written
  }
  return `${cluster.spec.environment} · profile ${profile} ${
    cluster.spec.profileVersion ?? ''
  }`.trim();
}

/**
 * Picks the cluster of a tenant namespace among the governed clusters, showing each
 * one's environment and profile. The value is the cluster's entity ref.
 */
export function ClusterPicker(props: FieldExtensionComponentProps<string>) {
  const { formData, onChange, required, rawErrors, schema, idSchema } = props;
  const catalogApi = useApi(catalogApiRef);
  const {
    value: clusters,
    loading,
    error,
  } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Resource', 'spec.type': CLUSTER_SPEC_TYPE },
    });
    return (items as ClusterEntity[])
      .filter(c => isRequestableCluster(c))
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  }, [catalogApi]);

  const selected = clusters?.find(c => stringifyEntityRef(c) === formData);
  const id = idSchema?.$id ?? 'fleet-cluster';
  return (
    <CatalogSelect
      id={id}
      label={schema.title ?? 'Cluster'}
      required={required}
      error={!!rawErrors?.length || !!error}
      value={formData}
      options={(clusters ?? []).map(cluster => ({
        value: stringifyEntityRef(cluster),
        primary: cluster.metadata.name,
        secondary: `${clusterFacts(cluster)}${
          cluster.metadata.description
            ? ` — ${cluster.metadata.description}`
            : ''
        }`,
      }))}
      selectedText={
        selected
          ? `${selected.metadata.name} — ${clusterFacts(selected)}`
          : undefined
      }
      helperText={helperText(error, loading, schema.description)}
      onChange={onChange}
    />
  );
}

function helperText(
  error: Error | undefined,
  loading: boolean,
  description: string | undefined,
): string {
  if (error) {
    return `Cannot load the clusters: ${error.message}`;
  }
  if (loading) {
    return 'Loading governed clusters…';
  }
  return (
    description ??
    'Only governed clusters that are not deprecated or retiring are listed'
  );
}

/** Blocks the step unless the cluster is one a namespace may be requested on (the action's rule). */
export const clusterPickerValidation =
  namespaceFieldValidation<string>('cluster');
