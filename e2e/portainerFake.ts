/**
 * The e2e suite's Portainer: the module's local HTTP fake (real Portainer cannot run
 * here) on the fixed port e2e/app-config.e2e.yaml points at, holding environments that
 * match demo clusters (examples/platform-config/clusters) and one the platform
 * repository does not know. A test fixture, not part of the demo.
 */
import {
  fakeEdgeEnvironment,
  fakeEnvironment,
  FakePortainer,
  startFakePortainer,
} from '../plugins/catalog-backend-module-fleet-portainer/src/__testUtils__/fakePortainer';

export const E2E_PORTAINER_PORT = 7028;
export const E2E_PORTAINER_KEY = 'e2e-portainer-fake-key';
/** The one environment the platform repository lacks. */
export const UNKNOWN_ENVIRONMENT = 'Pop-up Store Leipzig';

export function startE2ePortainer(): Promise<FakePortainer> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  return startFakePortainer({
    apiKey: E2E_PORTAINER_KEY,
    port: E2E_PORTAINER_PORT,
    data: {
      endpoints: [
        fakeEnvironment(3, 'prd-euw1-payments-01', { TagIds: [1] }),
        // Check-in every 5 minutes: connected for the whole run (allowed 620 s).
        fakeEdgeEnvironment(
          7,
          'edg-ber01-store-01',
          { nowSeconds, ageSeconds: 2, interval: 300 },
          { GroupId: 2, TagIds: [2] },
        ),
        fakeEdgeEnvironment(
          9,
          UNKNOWN_ENVIRONMENT,
          { nowSeconds, ageSeconds: 2, interval: 300 },
          { GroupId: 2, TagIds: [2] },
        ),
      ],
      groups: [
        { Id: 1, Name: 'Unassigned', TagIds: [] },
        { Id: 2, Name: 'eu-central-1', TagIds: [] },
      ],
      tags: [
        { ID: 1, Name: 'env:production' },
        { ID: 2, Name: 'env:edge' },
      ],
    },
  });
}
