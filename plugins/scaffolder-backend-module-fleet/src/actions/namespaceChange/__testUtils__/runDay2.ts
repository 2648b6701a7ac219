import type { JsonObject } from '@backstage/types';
import { demoUser } from '../../namespace/__testUtils__/fixtures';
import { actionContext } from '../../namespace/__testUtils__/runRequest';
import {
  createPlatformRepoProposeAction,
  PlatformRepoProposeDeps,
} from '../../platformRepo/proposeAction';
import { createNamespaceChangeAction } from '../changeAction';
import type { NamespaceDay2Deps } from '../day2Context';
import { createNamespaceDecommissionAction } from '../decommissionAction';

export const PRIYA = {
  ref: 'user:default/priya.platform',
  get entity() {
    return demoUser('priya.platform');
  },
};

type Options = Parameters<typeof actionContext>[1];
type Deps = NamespaceDay2Deps & PlatformRepoProposeDeps;

/** The render step of a Day-2 template: change or decommission. */
export async function renderDay2(
  step: 'change' | 'decommission',
  input: JsonObject,
  deps: Deps,
  options: Options = {},
) {
  const render = actionContext(input, options);
  const action =
    step === 'change'
      ? createNamespaceChangeAction(deps)
      : createNamespaceDecommissionAction(deps);
  await action.handler(render.ctx);
  return render.outputs;
}

/** The propose step of a Day-2 template, with what its render step gave. */
export async function proposeDay2(
  rendered: Record<string, any>,
  reason: string,
  deps: Deps,
  options: Options = {},
) {
  const propose = actionContext(
    {
      kind: 'namespace',
      cluster: rendered.clusterRef,
      files: rendered.files,
      integrity: rendered.integrity,
      title: rendered.title,
      reason,
      entityRef: rendered.entityRef,
    },
    options,
  );
  await createPlatformRepoProposeAction(deps).handler(propose.ctx);
  return propose.outputs;
}

/** Render, then propose: the steps of the change or decommission template. */
export async function runDay2(
  step: 'change' | 'decommission',
  input: JsonObject,
  deps: Deps,
  options: Options = {},
) {
  const rendered = await renderDay2(step, input, deps, options);
  const proposed = await proposeDay2(
    rendered,
    String(input.reason ?? ''),
    deps,
    options,
  );
  return { rendered, proposed };
}
