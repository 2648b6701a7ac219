import { useApi } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  budgetNamespacesOf,
  resolveNamespaceTarget,
  teamBudgetRemaining,
  teamBudgetUsage,
} from '@fleet-portal/plugin-fleet-common';
import useAsync from 'react-use/esm/useAsync';
import { formValue } from '../cluster/useClusterProfile';
import { namespaceChangeLookups } from './changeLookups';

/**
 * The tenant namespace another form field names, with its cluster, profile and the owning
 * team's budget on that cluster (usage with the namespace as it is now, room left); undefined
 * while none is chosen or it is not one the rules accept (the picker's validation says why).
 */
export function useNamespaceTarget(
  formContext: unknown,
  namespaceField: string,
) {
  const ref = formValue(formContext, namespaceField);
  const catalogApi = useApi(catalogApiRef);
  const state = useAsync(async () => {
    if (!ref) {
      return undefined;
    }
    const lookups = namespaceChangeLookups(catalogApi);
    const { target } = await resolveNamespaceTarget(ref, lookups, {
      action: 'change',
    });
    if (!target) {
      return undefined;
    }
    const budget = target.profile.spec.tenancy?.teamBudget;
    const onCluster = await lookups.namespacesOnCluster(target.clusterRef);
    const namespaces = budgetNamespacesOf([
      ...onCluster.filter(ns => stringifyEntityRef(ns) !== target.entityRef),
      target.entity,
    ]);
    const usage = teamBudgetUsage(namespaces, target.team);
    return {
      ...target,
      budget,
      namespaces,
      usage,
      remaining: teamBudgetRemaining(budget, usage),
    };
  }, [catalogApi, ref]);
  return { ...state, ref };
}

export type LoadedNamespaceTarget = NonNullable<
  ReturnType<typeof useNamespaceTarget>['value']
>;
