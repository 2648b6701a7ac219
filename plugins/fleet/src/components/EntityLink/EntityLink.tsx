import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { tryParseEntityRef } from '../../lib/refs';

/**
 * A link to the entity a spec field names. Spec refs are often short (`team-payments`), which
 * EntityRefLink does not complete with a default kind; unparsable text is shown as is.
 */
export function EntityLink(props: { entityRef: string; defaultKind: string }) {
  const ref = tryParseEntityRef(props.entityRef, props.defaultKind);
  return ref ? <EntityRefLink entityRef={ref} /> : <>{props.entityRef}</>;
}
