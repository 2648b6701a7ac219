import {
  fakeEdgeEnvironment,
  fakeEnvironment,
} from './__testUtils__/fakePortainer';
import { connectionStatus } from './connectionStatus';

const nowSeconds = 1_732_000_000;

describe('connectionStatus', () => {
  it('uses Portainer Status for polled environments', () => {
    expect(connectionStatus(fakeEnvironment(1, 'a'), { nowSeconds })).toEqual({
      status: 'connected',
      statusMessage: 'Portainer reports it up',
      lastSeen: 1732000000,
    });
    expect(
      connectionStatus(fakeEnvironment(1, 'a', { Status: 2 }), { nowSeconds })
        .status,
    ).toBe('disconnected');
    expect(
      connectionStatus(fakeEnvironment(1, 'a', { Status: 0, Kubernetes: {} }), {
        nowSeconds,
      }),
    ).toEqual({
      status: 'unknown',
      statusMessage: 'Portainer reports status 0',
      lastSeen: undefined,
    });
  });

  it('counts an edge agent connected up to twice its interval plus 20 s', () => {
    const at = (ageSeconds: number) =>
      connectionStatus(
        fakeEdgeEnvironment(2, 'e', { nowSeconds, ageSeconds, interval: 5 }),
        { nowSeconds },
      );
    expect(at(30)).toEqual({
      status: 'connected',
      statusMessage:
        'edge agent checking in (checks in every 5 s, allowed 30 s)',
      lastSeen: nowSeconds - 30,
    });
    expect(at(31)).toEqual({
      status: 'disconnected',
      statusMessage: `no edge check-in since ${new Date(
        (nowSeconds - 31) * 1000,
      ).toISOString()} (checks in every 5 s, allowed 30 s)`,
      lastSeen: nowSeconds - 31,
    });
  });

  it('honours edgeCheckinMaxAge, async ping intervals and QueryDate', () => {
    const env = fakeEdgeEnvironment(2, 'e', { nowSeconds, ageSeconds: 100 });
    expect(
      connectionStatus(env, { nowSeconds, maxAgeSeconds: 120 }).status,
    ).toBe('connected');
    const asyncEnv = { ...env, Edge: { AsyncMode: true, PingInterval: 60 } };
    expect(connectionStatus(asyncEnv, { nowSeconds }).status).toBe('connected');
    // Portainer's clock wins over ours.
    expect(
      connectionStatus(
        { ...env, QueryDate: nowSeconds - 90 },
        { nowSeconds: nowSeconds + 9999 },
      ).status,
    ).toBe('connected');
  });

  it('reports an edge agent that never checked in as disconnected', () => {
    const env = fakeEdgeEnvironment(3, 'n', { nowSeconds, ageSeconds: 0 });
    expect(
      connectionStatus({ ...env, LastCheckInDate: 0 }, { nowSeconds }),
    ).toEqual({
      status: 'disconnected',
      statusMessage: 'the edge agent never checked in',
    });
  });
});
