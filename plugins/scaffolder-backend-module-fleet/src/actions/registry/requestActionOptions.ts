import type {
  AuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { AnyTemplateAction } from './InlineTask';

/** What every request action of the actions registry is built from. */
export type RequestActionOptions = {
  actionsRegistry: ActionsRegistryService;
  auth: AuthService;
  /** Reads the calling user's entity, with their credentials. */
  catalog: CatalogService;
  permissions: PermissionsService;
  /**
   * The module's template actions as registered with the scaffolder; each request action runs
   * the very ones its template's steps name (see the pipelines).
   */
  templateActions: readonly AnyTemplateAction[];
  /** Where task workspaces are made. */
  workingDirectory: string;
  /** The portal page of an entity. */
  entityPageUrl: (entityRef: string) => string;
};
