import type { RolloutView } from '@fleet-portal/plugin-fleet-common';

/** The scaffolder template that promotes a wave (templates/promote-rollout). */
export const PROMOTE_TEMPLATE = {
  namespace: 'default',
  name: 'promote-rollout',
};

/**
 * The promote template's form, prefilled with the profile and its next wave; the action re-checks the
 * gate as the user, so the link decides nothing.
 */
export function promoteTemplateLink(
  view: RolloutView,
  createRoot = '/create',
): string | undefined {
  if (!view.nextWave) return undefined;
  const formData = JSON.stringify({
    profile: view.profileRef,
    wave: view.nextWave,
  });
  return `${createRoot}/templates/${PROMOTE_TEMPLATE.namespace}/${
    PROMOTE_TEMPLATE.name
  }?formData=${encodeURIComponent(formData)}`;
}
