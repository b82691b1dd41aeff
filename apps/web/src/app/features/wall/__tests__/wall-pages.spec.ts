import { nextPage, pageCount, pageOf } from '../wall-pages';

describe('wall rotation', () => {
  const rows = Array.from({ length: 34 }, (_, i) => i + 1); // the 34 provinces

  it('splits 34 provinces into 3 pages of 12, 12 and 10', () => {
    expect(pageCount(34, 12)).toBe(3);
    expect(pageOf(rows, 0, 12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(pageOf(rows, 2, 12)).toEqual([25, 26, 27, 28, 29, 30, 31, 32, 33, 34]);
  });

  it('goes back to the first page after the last, and stays on a single page', () => {
    expect(nextPage(0, 3)).toBe(1);
    expect(nextPage(2, 3)).toBe(0);
    expect(nextPage(0, 1)).toBe(0);
    expect(pageOf(rows, 3, 12)).toEqual(pageOf(rows, 0, 12));
  });

  it('keeps one (empty) page for an empty ranking', () => {
    expect(pageCount(0, 12)).toBe(1);
    expect(pageOf([], 0, 12)).toEqual([]);
  });
});
