import { QD766_2022 } from '@idx/domain';
import { BAND_FILLS, bandLegend, fillOf, NO_DATA_FILL, textColourOn } from '../band-colours';

const row = (labelEn: string, hasData = true) => ({ hasData, band: { labelVi: '', labelEn } });
const bands = QD766_2022.bands;

describe('map colours by band (QĐ 766: Xuất sắc ≥ 90, Tốt ≥ 80, Khá ≥ 70, Trung bình ≥ 50, Yếu)', () => {
  it('gives each band its own colour, best green to worst red', () => {
    expect(fillOf(row('Excellent'), bands)).toBe('#1a9850');
    expect(fillOf(row('Good'), bands)).toBe('#91cf60');
    expect(fillOf(row('Fair'), bands)).toBe('#fee08b');
    expect(fillOf(row('Average'), bands)).toBe('#fc8d59');
    expect(fillOf(row('Weak'), bands)).toBe('#d73027');
  });

  it('paints "no data" grey, never the colour of a low score', () => {
    expect(fillOf(row('Weak', false), bands)).toBe(NO_DATA_FILL);
    expect(fillOf(null, bands)).toBe(NO_DATA_FILL);
    expect(fillOf(row('Unheard of'), bands)).toBe(NO_DATA_FILL);
    expect(BAND_FILLS).not.toContain(NO_DATA_FILL);
  });

  it('reads well: white text on the dark ends, dark text elsewhere', () => {
    expect(textColourOn('#1a9850')).toBe('#ffffff');
    expect(textColourOn('#fee08b')).toBe('#1f2933');
    expect(textColourOn(NO_DATA_FILL)).toBe('#1f2933');
  });

  it('has a legend of the five bands with their ranges of totals', () => {
    expect(bandLegend(bands).map((e) => [e.labelVi, e.min, e.below])).toEqual([
      ['Xuất sắc', 90, null],
      ['Tốt', 80, 90],
      ['Khá', 70, 80],
      ['Trung bình', 50, 70],
      ['Yếu', null, 50],
    ]);
  });
});
