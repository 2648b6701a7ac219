import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { TestApiProvider } from '@backstage/test-utils';
import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import { useEntityTitles } from './useEntityTitles';

const TITLES: Record<string, string> = {
  'group:default/team-payments': 'Payments',
};

const presentationApi = {
  forEntity: (ref: string) => {
    const title = TITLES[ref];
    return {
      snapshot: { entityRef: ref, primaryTitle: ref },
      promise: title
        ? Promise.resolve({ entityRef: ref, primaryTitle: title })
        : Promise.reject(new Error(`no entity ${ref}`)),
    };
  },
};

describe('useEntityTitles', () => {
  it("names refs by the catalog's presentation, the short ref as the fallback", async () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[entityPresentationApiRef, presentationApi]]}>
        {children}
      </TestApiProvider>
    );
    const { result } = renderHook(
      () =>
        useEntityTitles([
          'group:default/team-payments',
          'group:default/team-gone',
        ]),
      { wrapper },
    );
    // before the catalog answers: the short ref, never an empty label
    expect(result.current('group:default/team-payments')).toBe('team-payments');
    await waitFor(() =>
      expect(result.current('group:default/team-payments')).toBe('Payments'),
    );
    expect(result.current('group:default/team-gone')).toBe('team-gone');
    expect(result.current('group:ops/oncall')).toBe('ops/oncall');
  });
});
