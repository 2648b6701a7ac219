import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleFleet } from './module';

describe('scaffolderModuleFleet', () => {
  it('registers the namespace and platform-repo actions', async () => {
    const actions: Array<{ id: string; supportsDryRun?: boolean }> = [];
    await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          { addActions: (...a: any[]) => actions.push(...a) },
        ],
      ],
      features: [
        scaffolderModuleFleet,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            fleetPortal: {
              platformRepo: { remote: '/tmp/does-not-matter.git' },
            },
          },
        }),
      ],
    });
    const ids = actions.map(a => a.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'fleet:namespace:validate',
        'fleet:namespace:render',
        'fleet:platform-repo:propose',
      ]),
    );
    expect(
      actions
        .filter(
          a =>
            a.id.startsWith('fleet:namespace') ||
            a.id.startsWith('fleet:platform-repo'),
        )
        .every(a => a.supportsDryRun),
    ).toBe(true);
  });
});
