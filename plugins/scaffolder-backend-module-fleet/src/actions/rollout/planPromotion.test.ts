import { InputError } from '@backstage/errors';
import { planPromotion } from './planPromotion';
import {
  canaryGate,
  EAST_1,
  EAST_2,
  rolloutView,
} from './__testUtils__/rolloutFixtures';

describe('planPromotion', () => {
  it("moves the next wave's clusters that are behind, calling out versions no longer allowed", () => {
    const plan = planPromotion(rolloutView());
    expect(plan).toMatchObject({
      profileRef: 'clusterprofile:default/production',
      targetVersion: '3.2.0',
      wave: 'production-east',
      gate: { verdict: 'open' },
    });
    expect(plan.clusters.map(c => c.name)).toEqual([EAST_1, EAST_2]);
    expect(plan.outsideAllowedVersions.map(c => c.name)).toEqual([EAST_2]);
  });

  it('leaves clusters of the wave already on the target out', () => {
    const view = rolloutView();
    view.waves[1].clusters[0].onTarget = true;
    expect(planPromotion(view).clusters.map(c => c.name)).toEqual([EAST_2]);
  });

  it('has nothing to promote once every wave is on the target', () => {
    const view = rolloutView();
    delete view.nextWave;
    expect(() => planPromotion(view)).toThrow(
      new InputError(
        'production 3.2.0 is rolled out: every wave is on 3.2.0, so there is nothing to promote',
      ),
    );
  });

  it('never promotes against the view: an open gate on a view that is not promotable refuses', () => {
    const view = rolloutView();
    view.promotable = false;
    view.summary = 'production-east waits for the catalog';
    expect(() => planPromotion(view)).toThrow(
      /production-east of production 3.2.0 cannot be promoted: the gate after canary is open/,
    );
  });

  it('refuses a view that is promotable while its gate is not open', () => {
    const view = rolloutView(
      canaryGate('unknown', 'canary: no data — unknown'),
    );
    view.promotable = true;
    expect(() => planPromotion(view)).toThrow(/cannot be judged/);
  });

  it('refuses without a gate when the view says the wave waits, in its words', () => {
    const view = rolloutView();
    delete view.gate;
    view.promotable = false;
    view.summary = 'production-east waits: canary has no clusters on 3.2.0';
    expect(() => planPromotion(view)).toThrow(
      new InputError(
        'production-east of production 3.2.0 cannot be promoted: production-east waits: canary has no clusters on 3.2.0',
      ),
    );
  });
});
