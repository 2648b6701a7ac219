import { fieldPath, issue } from './issues';

describe('fieldPath', () => {
  it('joins identifiers with dots, indexes and other keys in brackets', () => {
    expect(fieldPath('spec', 'components', 2, 'version')).toBe(
      'spec.components[2].version',
    );
    expect(fieldPath('spec.quota', 'requests.cpu')).toBe(
      'spec.quota["requests.cpu"]',
    );
    expect(fieldPath('', 'metadata', 'name')).toBe('metadata.name');
    expect(fieldPath('spec')).toBe('spec');
  });
});

describe('issue', () => {
  it('prefixes the reason with the path', () => {
    expect(issue('spec.region', 'must not be empty')).toEqual({
      path: 'spec.region',
      message: 'spec.region: must not be empty',
    });
    expect(issue('', 'bad')).toEqual({ path: '', message: 'bad' });
  });
});
