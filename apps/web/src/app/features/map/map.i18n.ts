import type { Translations } from '../../core/i18n/language';
import type { MapViewText } from './map-view';

export interface MapText extends MapViewText {
  readonly heading: string;
  readonly caption: (period: string) => string;
  readonly mapLabel: (period: string) => string;
  readonly legend: string;
  readonly range: (min: number | null, below: number | null) => string;
  readonly loading: string;
  readonly error: string;
  readonly retry: string;
  readonly reformNote: string;
  readonly attribution: string;
  readonly licence: string;
  readonly communes: (province: string) => string;
  readonly communesHint: string;
  readonly communesEmpty: string;
  readonly communesMissing: string;
  readonly pickProvince: string;
  readonly openProvince: (name: string) => string;
  readonly openUnit: (name: string) => string;
  readonly close: string;
  readonly lastUpdated: string;
  readonly gridNote: string;
}

export const MAP_TEXT: Translations<MapText> = {
  vi: {
    heading: 'Bản đồ kết quả',
    caption: (period) => `Điểm các tỉnh, thành phố ${period}, tô màu theo xếp loại`,
    mapLabel: (period) => `Bản đồ các tỉnh, thành phố tô màu theo xếp loại, ${period}`,
    legend: 'Xếp loại',
    range: (min, below) => (min === null ? `dưới ${below}` : below === null ? `từ ${min}` : `${min} – dưới ${below}`),
    noData: 'Chưa có dữ liệu',
    unknownProvince: 'Chưa có trong danh mục đơn vị',
    shapeLabel: (name, figure, via) => `${name}: ${figure}${via ? ` — điểm của ${via}` : ''}`,
    islands: { hoangsa: 'Quần đảo Hoàng Sa (Đà Nẵng)', truongsa: 'Quần đảo Trường Sa (Khánh Hòa)' },
    loading: 'Đang tải dữ liệu…',
    error: 'Không tải được dữ liệu bản đồ. Vui lòng thử lại.',
    retry: 'Thử lại',
    reformNote:
      'Ranh giới là 63 tỉnh trước ngày 01/07/2025; từ ngày đó mỗi tỉnh cũ mang màu của tỉnh mới mà nó hợp thành (34 tỉnh, thành phố).',
    attribution: 'Ranh giới tỉnh: @svg-maps/vietnam 2.0.0 (Stephen Truong, VictorCazanave/svg-maps)',
    licence: 'giấy phép CC BY 4.0',
    communes: (province) => `Các xã, phường thuộc ${province}`,
    communesHint: 'Bấm vào một ô để xem chi tiết đơn vị.',
    communesEmpty: 'Chưa có xã, phường nào thuộc đơn vị này trong kỳ.',
    communesMissing: 'Không có đơn vị này trong danh mục.',
    pickProvince: 'Bấm vào một tỉnh trên bản đồ để xem các xã, phường của tỉnh.',
    openProvince: (name) => `Xem chi tiết ${name}`,
    openUnit: (name) => `Xem chi tiết ${name}`,
    close: 'Đóng',
    lastUpdated: 'Cập nhật lúc',
    gridNote: 'Chưa có bộ dữ liệu ranh giới xã công khai: các xã, phường được trình bày dạng lưới, theo thứ tự chữ cái.',
  },
  en: {
    heading: 'Results map',
    caption: (period) => `Province scores, ${period}, coloured by band`,
    mapLabel: (period) => `Map of the provinces coloured by band, ${period}`,
    legend: 'Band',
    range: (min, below) => (min === null ? `below ${below}` : below === null ? `${min} and above` : `${min} – below ${below}`),
    noData: 'No data yet',
    unknownProvince: 'Not in the unit registry',
    shapeLabel: (name, figure, via) => `${name}: ${figure}${via ? ` — score of ${via}` : ''}`,
    islands: { hoangsa: 'Hoàng Sa archipelago (Đà Nẵng)', truongsa: 'Trường Sa archipelago (Khánh Hòa)' },
    loading: 'Loading…',
    error: 'The map data could not be loaded. Please try again.',
    retry: 'Retry',
    reformNote:
      'Boundaries are the 63 provinces before 1 July 2025; since then each old province takes the colour of the new province it became part of (34 provinces).',
    attribution: 'Province boundaries: @svg-maps/vietnam 2.0.0 (Stephen Truong, VictorCazanave/svg-maps)',
    licence: 'licence CC BY 4.0',
    communes: (province) => `Communes and wards of ${province}`,
    communesHint: 'Click a tile to open the unit.',
    communesEmpty: 'No commune or ward under this unit in the period.',
    communesMissing: 'This unit is not in the registry.',
    pickProvince: 'Click a province on the map to see its communes and wards.',
    openProvince: (name) => `Open ${name}`,
    openUnit: (name) => `Open ${name}`,
    close: 'Close',
    lastUpdated: 'Updated at',
    gridNote: 'No public commune boundary dataset exists: communes and wards are shown as a grid, in alphabetical order.',
  },
};
