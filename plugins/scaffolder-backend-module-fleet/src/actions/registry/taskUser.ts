import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import type { UserEntity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { TaskUser } from './InlineTask';

/**
 * The calling user as the scaffolder makes a task's user: the entity ref from the credentials
 * and the user entity read from the catalog with them. Requests need a person: a service token
 * has no one to author the change or to check the team membership of.
 */
export async function taskUserOf(
  credentials: BackstageCredentials,
  deps: { auth: AuthService; catalog: CatalogService },
): Promise<TaskUser> {
  if (!deps.auth.isPrincipal(credentials, 'user')) {
    throw new NotAllowedError(
      'Requests are made by a signed-in user: call with a user token, not a service token, so that the change is checked for and authored by a person',
    );
  }
  const ref = credentials.principal.userEntityRef;
  const entity = await deps.catalog.getEntityByRef(ref, { credentials });
  return { ref, entity: entity as UserEntity | undefined };
}
