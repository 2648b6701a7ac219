import { useApi } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  CLUSTER_PROFILE_KIND,
  type ClusterProfileEntity,
  isClusterProfileEntity,
} from '@fleet-portal/plugin-fleet-common';
import useAsync from 'react-use/esm/useAsync';
import { CatalogSelect } from '../shared/CatalogSelect';

/** One line about a profile: type, current version (and the older ones still allowed), provisioner. */
export function profileFacts(profile: ClusterProfileEntity): string {
  const { spec } = profile;
  const allowed = spec.allowedVersions?.length
    ? ` (also ${spec.allowedVersions.join(', ')})`
    : '';
  return `${spec.type} · version ${spec.version}${allowed} · ${
    spec.provisioner?.type ?? 'cluster-api'
  }`;
}

/**
 * Picks the ClusterProfile a new cluster is built from, showing each profile's type, version and
 * summary. The value is the profile's entity ref.
 */
export function ClusterProfilePicker(
  props: FieldExtensionComponentProps<string>,
) {
  const { formData, onChange, required, rawErrors, schema, idSchema } = props;
  const catalogApi = useApi(catalogApiRef);
  const {
    value: profiles,
    loading,
    error,
  } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: CLUSTER_PROFILE_KIND },
    });
    return items
      .filter(isClusterProfileEntity)
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  }, [catalogApi]);

  const selected = profiles?.find(p => stringifyEntityRef(p) === formData);
  const helperText = () => {
    if (error) {
      return `Could not load the cluster profiles: ${error.message}`;
    }
    if (loading) {
      return 'Loading cluster profiles…';
    }
    return (
      selected?.spec.summary ??
      schema.description ??
      'The approved profile the cluster is built from'
    );
  };
  const id = idSchema?.$id ?? 'fleet-cluster-profile';
  return (
    <CatalogSelect
      id={id}
      label={schema.title ?? 'Cluster profile'}
      required={required}
      error={!!rawErrors?.length || !!error}
      value={formData}
      options={(profiles ?? []).map(profile => ({
        value: stringifyEntityRef(profile),
        primary: `${
          profile.metadata.title ?? profile.metadata.name
        } — ${profileFacts(profile)}`,
        secondary: profile.spec.summary ?? profile.metadata.description,
      }))}
      selectedText={
        selected
          ? `${
              selected.metadata.title ?? selected.metadata.name
            } — ${profileFacts(selected)}`
          : undefined
      }
      helperText={helperText()}
      onChange={onChange}
    />
  );
}
