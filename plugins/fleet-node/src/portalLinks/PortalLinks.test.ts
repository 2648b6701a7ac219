import { ConfigReader } from '@backstage/config';
import { PortalLinks } from './PortalLinks';

describe('PortalLinks', () => {
  const links = new PortalLinks('https://portal.example.com/');

  it('links the lifecycle page with the filters the page reads', () => {
    expect(links.lifecycle()).toBe(
      'https://portal.example.com/fleet/lifecycle',
    );
    expect(
      links.lifecycle({
        owner: ['group:default/team-a', 'team-b'],
        status: ['review-overdue'],
        search: 'checkout & co',
      }),
    ).toBe(
      'https://portal.example.com/fleet/lifecycle?owner=group%3Adefault%2Fteam-a&owner=team-b&status=review-overdue&search=checkout+%26+co',
    );
  });

  it('links entity pages as the catalog routes them: kind and namespace lower-cased', () => {
    expect(links.entity('Resource:Default/prd-EUW1-x', 'health')).toBe(
      'https://portal.example.com/catalog/default/resource/prd-EUW1-x/health',
    );
    expect(links.entity('clusterprofile:default/a b')).toBe(
      'https://portal.example.com/catalog/default/clusterprofile/a%20b',
    );
  });

  it('takes app.baseUrl, else backend.baseUrl', () => {
    const both = new ConfigReader({
      app: { baseUrl: 'https://app.example.com' },
      backend: { baseUrl: 'https://api.example.com' },
    });
    expect(PortalLinks.fromConfig(both).fleetHealth()).toBe(
      'https://app.example.com/fleet/health',
    );
    const backendOnly = new ConfigReader({
      backend: { baseUrl: 'http://localhost:7007' },
    });
    expect(PortalLinks.fromConfig(backendOnly).fleetHealth()).toBe(
      'http://localhost:7007/fleet/health',
    );
  });
});
