import { MAX_QUERY_LENGTH, normaliseQuery, unitSearchUrl } from '../unit-search-url';

describe('the search query the console sends to GET /api/v1/units', () => {
  it('trims and collapses spaces, keeping diacritics for the API to fold', () => {
    expect(normaliseQuery('  Hưng   Yên ')).toBe('Hưng Yên');
    expect(normaliseQuery(undefined)).toBe('');
  });

  it('never exceeds the API limit of 100 characters (the API would answer 400)', () => {
    expect(MAX_QUERY_LENGTH).toBe(100);
    expect(normaliseQuery('a'.repeat(150))).toHaveLength(100);
  });

  it('encodes the query, the page and the level', () => {
    expect(unitSearchUrl({ q: 'Phố Hiến', limit: 8 })).toBe('/api/v1/units?q=Ph%E1%BB%91+Hi%E1%BA%BFn&limit=8');
    expect(unitSearchUrl({ q: 'hung yen', level: 'commune', limit: 20, offset: 40 })).toBe('/api/v1/units?q=hung+yen&limit=20&level=commune&offset=40');
  });
});
