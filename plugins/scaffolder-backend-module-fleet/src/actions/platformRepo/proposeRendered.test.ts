import { ConfigReader } from '@backstage/config';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { RenderSeal } from '../../integrity/RenderSeal';
import {
  namespaceHarness,
  validInput,
} from '../namespace/__testUtils__/fixtures';
import {
  actionContext,
  runNamespaceRequest,
} from '../namespace/__testUtils__/runRequest';
import { createNamespaceRenderAction } from '../namespace/renderAction';
import { createPlatformRepoProposeAction } from './proposeAction';

// Real git repositories on a machine shared with other test runs.
jest.setTimeout(60_000);

const NS_DIR = 'clusters/stg-euw1-checkout-01/namespaces/checkout-search';
const MANIFESTS = `${NS_DIR}/manifests.yaml`;
const ENTITY = `${NS_DIR}/namespace.yaml`;

const CLUSTER_ADMIN_GRAB = `---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: grab }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
subjects: [{ kind: Group, name: team-checkout }]
`;

/** The propose step of the template, on what render produced, with a template's changes. */
function proposeInput(
  rendered: Record<string, any>,
  change: Record<string, unknown> = {},
) {
  return {
    kind: 'namespace',
    cluster: rendered.clusterRef,
    files: rendered.files,
    integrity: rendered.integrity,
    title: rendered.title,
    reason: 'Staging namespace for the new checkout search service',
    entityRef: rendered.entityRef,
    ...change,
  };
}

describe('fleet:platform-repo:propose commits only what render produced for the validated request', () => {
  let harness: ReturnType<typeof namespaceHarness>;
  beforeEach(() => {
    harness = namespaceHarness();
  });
  afterEach(() => harness.repo.remove());

  async function render(options: { taskId?: string } = {}) {
    const { ctx, outputs } = actionContext(validInput() as any, options);
    await createNamespaceRenderAction(harness.deps).handler(ctx);
    return outputs;
  }

  it.each([
    [
      'a file added to the list',
      (r: any) => ({
        files: { ...r.files, [`${NS_DIR}/extra.yaml`]: CLUSTER_ADMIN_GRAB },
      }),
      new InputError(
        `files: ${NS_DIR}/extra.yaml was not rendered for this request; propose commits only the rendered files`,
      ),
    ],
    [
      'a changed content',
      (r: any) => ({
        files: {
          ...r.files,
          [MANIFESTS]: `${r.files[MANIFESTS]}${CLUSTER_ADMIN_GRAB}`,
        },
      }),
      new InputError(
        `files: the content of ${MANIFESTS} differs from what was rendered for this request`,
      ),
    ],
    [
      "a path outside the request's folder (another namespace of the cluster)",
      (r: any) => ({
        files: {
          ...r.files,
          'clusters/stg-euw1-checkout-01/namespaces/payments/manifests.yaml':
            CLUSTER_ADMIN_GRAB,
        },
      }),
      new InputError(
        `files: clusters/stg-euw1-checkout-01/namespaces/payments/manifests.yaml is outside ${NS_DIR}/, the folder of this request`,
      ),
    ],
    [
      'an extra expectAbsent outside the folder',
      () => ({
        expectAbsent: ['clusters/stg-euw1-checkout-01/namespaces/x/a.yaml'],
      }),
      new InputError(
        `files: clusters/stg-euw1-checkout-01/namespaces/x/a.yaml is outside ${NS_DIR}/, the folder of this request`,
      ),
    ],
    [
      'a rendered file left out',
      (r: any) => ({ files: { [MANIFESTS]: r.files[MANIFESTS] } }),
      new InputError(
        `files: ${ENTITY} was rendered for this request but is missing`,
      ),
    ],
    [
      'a file to apply that was not rendered for applying',
      () => ({ applyFiles: [ENTITY] }),
      new InputError(
        `applyFiles: ${ENTITY} is not a file rendered for applying to the cluster`,
      ),
    ],
    [
      'another entity ref',
      () => ({ entityRef: 'resource:default/prd-euw1-payments-01' }),
      new InputError(
        'entityRef: resource:default/prd-euw1-payments-01 is not the entity rendered for this request (resource:default/stg-euw1-checkout-01.checkout-search)',
      ),
    ],
    [
      'no render record',
      () => ({ integrity: undefined }),
      new InputError(
        'integrity: missing. Pass steps.render.output.integrity of fleet:namespace:render or fleet:cluster:render: propose commits only what a render step of the same task produced',
      ),
    ],
    [
      'a record sealed with another key',
      (r: any) => {
        const mine = RenderSeal.fromConfig(new ConfigReader({}));
        const [, payload] = r.integrity.split('.');
        const record = JSON.parse(Buffer.from(payload, 'base64url').toString());
        return { integrity: mine.seal(record) };
      },
      new NotAllowedError(
        'integrity: the render record was not issued by this portal or was changed; pass steps.render.output.integrity unchanged',
      ),
    ],
    [
      'a record whose digests were edited',
      (r: any) => {
        const [version, payload, mac] = r.integrity.split('.');
        const record = JSON.parse(Buffer.from(payload, 'base64url').toString());
        record.files[`${NS_DIR}/extra.yaml`] = '0'.repeat(64);
        const edited = Buffer.from(JSON.stringify(record)).toString(
          'base64url',
        );
        return {
          files: { ...r.files, [`${NS_DIR}/extra.yaml`]: CLUSTER_ADMIN_GRAB },
          integrity: `${version}.${edited}.${mac}`,
        };
      },
      new NotAllowedError(
        'integrity: the render record was not issued by this portal or was changed; pass steps.render.output.integrity unchanged',
      ),
    ],
  ])('refuses %s and commits nothing', async (_, change, error) => {
    const rendered = await render();
    const before = harness.repo.refs();
    const { ctx } = actionContext(proposeInput(rendered, change(rendered)));
    await expect(
      createPlatformRepoProposeAction(harness.deps).handler(ctx),
    ).rejects.toThrow(error);
    expect(harness.repo.refs()).toBe(before);
    expect(harness.repo.commitCount()).toBe(1);
  });

  it('refuses a render record of another task and commits nothing', async () => {
    const rendered = await render({ taskId: 'ffffffff-other-task' });
    const before = harness.repo.refs();
    const { ctx } = actionContext(proposeInput(rendered));
    const attempt = createPlatformRepoProposeAction(harness.deps).handler(ctx);
    await expect(attempt).rejects.toThrow(NotAllowedError);
    await expect(attempt).rejects.toThrow(
      'integrity: the render record belongs to another scaffolder task; propose commits only what a render step of the same task produced',
    );
    expect(harness.repo.refs()).toBe(before);
  });

  it('requires every file the request creates to be absent, whatever expectAbsent the template passes', async () => {
    const rendered = await render();
    // the manifests file lands on main after render (e.g. by hand, in another change)
    await harness.writer.commitFiles({
      mode: 'direct',
      files: { [MANIFESTS]: 'kind: List\nitems: []\n' },
      message: 'by hand',
      author: { name: 'Someone', email: 'someone@acme.example' },
    });
    const before = harness.repo.refs();
    const { ctx } = actionContext(proposeInput(rendered, { expectAbsent: [] }));
    const attempt = createPlatformRepoProposeAction(harness.deps).handler(ctx);
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(
      `already in the platform repository: ${MANIFESTS}`,
    );
    expect(harness.repo.refs()).toBe(before);
    expect(harness.repo.show('main', MANIFESTS)).toBe(
      'kind: List\nitems: []\n',
    );
  });

  it('never advances a proposal branch that already exists: ConflictError, the branch is unchanged', async () => {
    const branch = 'fleet/namespace/prd-euw1-checkout-01/3f1c9a27';
    const main = harness.repo.log('main', '%H');
    harness.repo.git('update-ref', `refs/heads/${branch}`, main);
    const before = harness.repo.refs();
    const attempt = runNamespaceRequest(
      validInput({
        cluster: 'resource:default/prd-euw1-checkout-01',
        quota: {},
      }) as any,
      harness.deps,
    );
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(
      `branch ${branch} already exists in the platform repository; it was left unchanged`,
    );
    expect(harness.repo.refs()).toBe(before);
    expect(harness.repo.log(branch, '%H')).toBe(main);
  });
});
