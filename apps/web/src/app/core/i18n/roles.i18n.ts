import type { ConsoleRole } from '@idx/contracts';
import type { Translations } from './language';

export const ROLE_TEXT: Translations<Readonly<Record<ConsoleRole, string>>> = {
  vi: { national: 'Cấp trung ương', province: 'Cấp tỉnh', unit: 'Đơn vị', auditor: 'Kiểm toán viên', admin: 'Quản trị' },
  en: { national: 'National viewer', province: 'Provincial official', unit: 'Unit viewer', auditor: 'Auditor', admin: 'Administrator' },
};
