import { parseEntityRef, UserEntity } from '@backstage/catalog-model';
import type { GitIdentity } from '@fleet-portal/plugin-fleet-node';

/**
 * The requesting user as a Git author: the display name and email of their catalog
 * entity, falling back to the entity name and a non-routable address.
 */
export function requesterIdentity(
  user: { ref?: string; entity?: UserEntity } | undefined,
): GitIdentity {
  const profile = user?.entity?.spec?.profile;
  let name = user?.entity?.metadata.name;
  if (!name && user?.ref) {
    try {
      name = parseEntityRef(user.ref).name;
    } catch {
      name = undefined;
    }
  }
  const fallbackName = name ?? 'unknown';
  return {
    name: clean(profile?.displayName) ?? fallbackName,
    email: clean(profile?.email) ?? `${fallbackName}@users.noreply.invalid`,
  };
}

/** Git identities cannot contain angle brackets or line breaks. */
function clean(value: string | undefined): string | undefined {
  const cleaned = value?.replace(/[<>\n\r\0]/g, '').trim();
  return cleaned ? cleaned : undefined;
}
