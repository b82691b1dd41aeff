import { checkIsoInstant, checkLocalDate, INSTANT_FORMAT_HINT, readIsoInstant, WIRE_YEAR_MAX, WIRE_YEAR_MIN } from '../wire-time';

describe('strict instants (read component by component, never shifted)', () => {
  it.each([
    ['2025-03-04T08:30:00+07:00', Date.UTC(2025, 2, 4, 1, 30)],
    ['2025-03-04T08:30+07:00', Date.UTC(2025, 2, 4, 1, 30)],
    ['2025-03-04T01:30:00Z', Date.UTC(2025, 2, 4, 1, 30)],
    ['2025-03-04T01:30:00.123456789Z', Date.UTC(2025, 2, 4, 1, 30, 0, 123)],
    ['2024-02-29T23:59:59-12:00', Date.UTC(2024, 2, 1, 11, 59, 59)],
    ['2025-01-01T00:00:00+14:00', Date.UTC(2024, 11, 31, 10, 0)],
    ['1990-01-01T00:00:00Z', Date.UTC(1990, 0, 1)],
    ['2100-12-31T23:59:59Z', Date.UTC(2100, 11, 31, 23, 59, 59)],
  ])('reads %s', (text, epochMs) => {
    expect(readIsoInstant(text)).toEqual({ ok: true, epochMs });
  });

  it.each([
    ['2025-02-30T08:00:00+07:00', 'is not a real calendar date (2025-02-30T08:00:00+07:00: February 2025 has 28 days)'],
    ['2023-02-29T08:00:00Z', 'February 2023 has 28 days'],
    ['2100-02-29T08:00:00Z', 'February 2100 has 28 days'],
    ['2025-04-31T08:00:00Z', 'April 2025 has 30 days'],
    ['2025-13-01T08:00:00Z', 'there is no month 13'],
    ['2025-00-10T08:00:00Z', 'there is no month 0'],
    ['2025-03-00T08:00:00Z', 'March 2025 has 31 days'],
    ['2025-03-04T24:00:00+07:00', 'is not a real time'],
    ['2025-03-04T08:60:00+07:00', 'minutes run 00–59'],
    ['2025-03-04T08:30:60+07:00', 'seconds run 00–59'],
    ['2025-03-04T08:30:00-23:59', 'has offset -23:59'],
    ['2025-03-04T08:30:00+14:01', 'has offset +14:01'],
    ['2025-03-04T08:30:00+07:60', 'has offset +07:60'],
    ['0000-01-01T00:00:00Z', `has year 0000 (0000-01-01T00:00:00Z), outside ${WIRE_YEAR_MIN}–${WIRE_YEAR_MAX}`],
    ['0099-12-31T00:00:00Z', 'has year 0099'],
    ['1989-12-31T23:59:59Z', 'has year 1989'],
    ['2101-01-01T00:00:00Z', 'has year 2101'],
    ['9999-12-31T23:59:59Z', 'has year 9999'],
    ['2025-03-04T08:30:00', 'must be an ISO-8601 date-time with an offset'],
    ['2025-03-04 08:30:00Z', 'must be an ISO-8601 date-time with an offset'],
    ['+002025-03-04T08:30:00Z', 'must be an ISO-8601 date-time with an offset'],
    ['2025-03-04t08:30:00z', 'must be an ISO-8601 date-time with an offset'],
    ['2025-03-04T08:30:00.1234567890Z', 'must be an ISO-8601 date-time with an offset'],
    ['2025-03-04T08:30:00+0700', 'must be an ISO-8601 date-time with an offset'],
    ['２０２５-03-04T08:30:00Z', 'must be an ISO-8601 date-time with an offset'],
  ])('refuses %s, saying why', (text, why) => {
    expect(checkIsoInstant(text)).toContain(why);
  });
});

describe('strict local dates', () => {
  it.each(['2025-03-04', '2024-02-29', '2000-02-29', '1990-01-01', '2100-12-31'])('accepts %s', (text) => {
    expect(checkLocalDate(text)).toBeUndefined();
  });

  it.each([
    ['0000-01-01', 'has year 0000'],
    ['0001-01-01', 'has year 0001'],
    ['1900-02-29', 'has year 1900'],
    ['2025-02-30', 'February 2025 has 28 days'],
    ['2025-02-29', 'February 2025 has 28 days'],
    ['2025-06-31', 'June 2025 has 30 days'],
    ['2025-3-4', 'must be a date written YYYY-MM-DD'],
    ['2025-03-04T00:00:00Z', 'must be a date written YYYY-MM-DD'],
    ['', 'must be a date written YYYY-MM-DD'],
  ])('refuses %s, saying why', (text, why) => {
    expect(checkLocalDate(text)).toContain(why);
  });
});

describe('readIsoInstant reads every written form to the same instant (character-code path and pattern path)', () => {
  // Date.parse is an independent reader for these well-formed texts (it mis-reads only impossible ones).
  const texts = [
    '2025-03-04T08:30:00+07:00', '2025-03-04T08:30:00Z', '2025-03-04T08:30:00.1Z', '2025-03-04T08:30:00.123+07:00',
    '2025-03-04T08:30:00.123456789-05:30', '2025-03-04T08:30+07:00', '2025-03-04T08:30Z', '2024-02-29T23:59:59+14:00',
    '2025-12-31T00:00:00-12:00', '2025-03-04T08:30:00.999Z',
  ];
  it.each(texts)('%s', (text) => {
    const reading = readIsoInstant(text);
    expect(reading).toEqual({ ok: true, epochMs: Date.parse(text.replace(/(\.\d{3})\d+/, '$1')) });
  });
  it('refuses the same texts the pattern refuses, with the same reasons', () => {
    expect(readIsoInstant('2025-03-04T08:30:00.1234567890Z')).toEqual({ ok: false, problem: INSTANT_FORMAT_HINT });
    expect(readIsoInstant('2025-03-04T08:30:00+7:00')).toEqual({ ok: false, problem: INSTANT_FORMAT_HINT });
    expect(readIsoInstant('2025-03-04T08:30:00.Z')).toEqual({ ok: false, problem: INSTANT_FORMAT_HINT });
    expect(readIsoInstant('2025-03-04T08:30:00+15:00')).toEqual({ ok: false, problem: 'has offset +15:00 (2025-03-04T08:30:00+15:00), which no time zone uses; send Z or an offset from -12:00 to +14:00 (Vietnam is +07:00)' });
    expect(readIsoInstant('2025-03-04T08:60:00Z')).toEqual({ ok: false, problem: 'is not a real time (2025-03-04T08:60:00Z: minutes run 00–59)' });
  });
});
