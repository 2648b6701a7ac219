/** A way into the demo: the guest provider, or a demo persona of examples/org. */
export type DemoPersona = {
  id: string;
  displayName: string;
  role: string;
  description: string;
  /** The backend auth provider and the headers it needs. */
  provider: 'guest' | 'demoPersona';
  headers?: Record<string, string>;
};

const persona = (
  userName: string,
  displayName: string,
  role: string,
  description: string,
): DemoPersona => ({
  id: userName,
  displayName,
  role,
  description,
  provider: 'demoPersona',
  headers: { 'x-fleet-demo-persona': userName },
});

/** Must match `auth.providers.demoPersona.users` in app-config.yaml. */
export const DEMO_PERSONAS: DemoPersona[] = [
  {
    id: 'guest',
    displayName: 'Guest',
    role: 'Everything',
    description:
      'Member of the platform team and of team Checkout: every part of the demo.',
    provider: 'guest',
  },
  persona(
    'priya.platform',
    'Priya Raman',
    'Platform owner',
    'Sees every cluster with its owner, profile and CIDRs; requests new clusters.',
  ),
  persona(
    'devon.developer',
    'Devon Clarke',
    'Developer (team Checkout)',
    'Requests tenant namespaces; sees the health of the clusters they run on.',
  ),
  persona(
    'morgan.manager',
    'Morgan Ellis',
    'Manager',
    'Reviews clusters by owner, with review and retirement dates.',
  ),
];

const STORAGE_KEY = 'fleet-portal:demo-persona';

/** The persona chosen earlier in this tab, if it is still one of those offered. */
export const rememberedPersona = (
  offered: DemoPersona[] = DEMO_PERSONAS,
): DemoPersona | undefined => {
  const id = window.sessionStorage.getItem(STORAGE_KEY);
  return offered.find(p => p.id === id);
};

export const rememberPersona = (p: DemoPersona | undefined) =>
  p
    ? window.sessionStorage.setItem(STORAGE_KEY, p.id)
    : window.sessionStorage.removeItem(STORAGE_KEY);
