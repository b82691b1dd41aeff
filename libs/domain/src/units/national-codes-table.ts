/**
 * Province codes of the national agency identifiers (mã định danh, Decision 20/2020/QĐ-TTg):
 * `H01`…`H63`, given to the 63 provinces in Vietnamese alphabetical order of their names
 * (Thừa Thiên Huế under T, Hồ Chí Minh under H). The table below is that order, written as GSO
 * province codes; it reproduces the codes we could check against real identifiers — H15 Đà Nẵng,
 * H31 Hưng Yên, H44 Phú Thọ — but the others are derived, not copied from the decision: docs/units.md.
 * A province formed on 1 July 2025 keeps the code of the province whose name it took.
 */
export const H_CODE_ORDER: readonly number[] = [
  89, // An Giang
  77, // Bà Rịa - Vũng Tàu
  95, // Bạc Liêu
  24, // Bắc Giang
  6, // Bắc Kạn
  27, // Bắc Ninh
  83, // Bến Tre
  74, // Bình Dương
  52, // Bình Định
  70, // Bình Phước
  60, // Bình Thuận
  96, // Cà Mau
  4, // Cao Bằng
  92, // Cần Thơ
  48, // Đà Nẵng (H15)
  66, // Đắk Lắk
  67, // Đắk Nông
  11, // Điện Biên
  75, // Đồng Nai
  87, // Đồng Tháp
  64, // Gia Lai
  2, // Hà Giang
  35, // Hà Nam
  1, // Hà Nội
  42, // Hà Tĩnh
  30, // Hải Dương
  31, // Hải Phòng
  93, // Hậu Giang
  17, // Hòa Bình
  79, // Hồ Chí Minh
  33, // Hưng Yên (H31)
  56, // Khánh Hòa
  91, // Kiên Giang
  62, // Kon Tum
  12, // Lai Châu
  20, // Lạng Sơn
  10, // Lào Cai
  68, // Lâm Đồng
  80, // Long An
  36, // Nam Định
  40, // Nghệ An
  37, // Ninh Bình
  58, // Ninh Thuận
  25, // Phú Thọ (H44)
  54, // Phú Yên
  44, // Quảng Bình
  49, // Quảng Nam
  51, // Quảng Ngãi
  22, // Quảng Ninh
  45, // Quảng Trị
  94, // Sóc Trăng
  14, // Sơn La
  72, // Tây Ninh
  34, // Thái Bình
  19, // Thái Nguyên
  38, // Thanh Hóa
  46, // Thừa Thiên Huế
  82, // Tiền Giang
  84, // Trà Vinh
  8, // Tuyên Quang
  86, // Vĩnh Long
  26, // Vĩnh Phúc
  15, // Yên Bái
];

/** The `H..` code of a province by its GSO code, or undefined for a code not in the table. */
export function hCodeOf(gsoProvinceCode: number): string | undefined {
  const i = H_CODE_ORDER.indexOf(gsoProvinceCode);
  return i < 0 ? undefined : `H${String(i + 1).padStart(2, '0')}`;
}
