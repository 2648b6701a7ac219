import {
  ADMISSION_CONTROLLERS,
  ADMISSION_MODES,
  ENVIRONMENTS,
  LIFECYCLES,
  LIFETIME_CLASSES,
  PROFILE_TYPES,
  PROVISIONERS,
} from '../constants';
import { governedCluster, tenantNamespace } from '../__fixtures__/corpus';
import { validateFleetEntity } from '../validation/fleetEntity';
import {
  clusterFleetSpecSchema,
  clusterProfileSchema,
  tenantNamespaceSpecSchema,
} from '.';

type Schema = { [key: string]: any };
const at = (schema: object, ...path: string[]): Schema =>
  path.reduce<Schema>((node, key) => node[key], schema as Schema);

describe('schemas', () => {
  it('use the enums of constants.ts', () => {
    const cluster = at(clusterFleetSpecSchema, 'properties');
    const profile = at(
      clusterProfileSchema,
      'properties',
      'spec',
      'properties',
    );
    expect(cluster.lifecycle.enum).toEqual(LIFECYCLES);
    expect(cluster.environment.enum).toEqual(ENVIRONMENTS);
    expect(cluster.lifetime.properties.class.enum).toEqual(LIFETIME_CLASSES);
    expect(profile.type.enum).toEqual(PROFILE_TYPES);
    expect(profile.lifecycle.enum).toEqual(LIFECYCLES);
    expect(profile.admission.properties.controller.enum).toEqual(
      ADMISSION_CONTROLLERS,
    );
    expect(profile.admission.properties.mode.enum).toEqual(ADMISSION_MODES);
    expect(profile.provisioner.properties.type.enum).toEqual(PROVISIONERS);
    expect(
      at(tenantNamespaceSpecSchema, 'properties', 'lifecycle').enum,
    ).toEqual(LIFECYCLES);
  });

  it('carry examples that the validators accept', () => {
    const [profileExample] = at(clusterProfileSchema, 'examples') as any[];
    const [clusterSpec] = at(clusterFleetSpecSchema, 'examples') as any[];
    const [namespaceSpec] = at(tenantNamespaceSpecSchema, 'examples') as any[];
    expect(validateFleetEntity(profileExample)).toEqual([]);
    expect(
      validateFleetEntity({ ...governedCluster, spec: clusterSpec }),
    ).toEqual([]);
    expect(
      validateFleetEntity({ ...tenantNamespace, spec: namespaceSpec }),
    ).toEqual([]);
  });
});
