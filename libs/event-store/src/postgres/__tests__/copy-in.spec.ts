import { copyLines } from '../copy-in';

describe("copyLines (COPY's text format)", () => {
  it('separates columns by tabs and rows by newlines, writes null as \\N and numbers as text', () => {
    expect(copyLines([['dossier', 'HY/D1', null, 12n], ['unit', 'HY', '2025-03-01T00:00:00.000Z', 3]])).toBe(
      'dossier\tHY/D1\t\\N\t12\nunit\tHY\t2025-03-01T00:00:00.000Z\t3\n',
    );
  });

  it('escapes backslash, tab, newline and carriage return, so a value cannot end its column or row or read as null', () => {
    // PostgreSQL's COPY text format: \\ is a backslash, \t a tab, \n a newline, \r a carriage return; \N alone is null.
    expect(copyLines([['a\tb', 'c\nd', 'e\rf', 'g\\h', '\\N']])).toBe('a\\tb\tc\\nd\te\\rf\tg\\\\h\t\\\\N\n');
    // JSON text (facts): its own escapes are backslashes, doubled.
    expect(copyLines([[JSON.stringify({ s: 'x"\n' })]])).toBe('{"s":"x\\\\"\\\\n"}\n');
  });

  it('writes nothing for no rows', () => {
    expect(copyLines([])).toBe('');
  });
});
