import type { Translations } from '../../core/i18n/language';

export interface LoginText {
  readonly heading: string;
  readonly intro: string;
  readonly username: string;
  readonly password: string;
  readonly submit: string;
  readonly submitting: string;
  readonly wrong: string;
  readonly disabled: string;
  readonly throttled: (minutes: number | null) => string;
  readonly failed: (reason: string | null) => string;
}

export const LOGIN_TEXT: Translations<LoginText> = {
  vi: {
    heading: 'Đăng nhập',
    intro: 'Đăng nhập bằng tài khoản được cấp để xem số liệu trong phạm vi của mình; kiểm toán viên đăng nhập để đối chiếu và khóa sổ.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    submitting: 'Đang đăng nhập…',
    wrong: 'Sai tên đăng nhập hoặc mật khẩu.',
    disabled: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.',
    throttled: (minutes) => `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes ?? 15} phút.`,
    failed: (reason) => `Không đăng nhập được${reason ? `: ${reason}` : '. Vui lòng thử lại.'}`,
  },
  en: {
    heading: 'Sign in',
    intro: 'Sign in with the account you were given to read figures within your area; auditors sign in to verify and close months.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    wrong: 'Wrong username or password.',
    disabled: 'This account is disabled. Please contact an administrator.',
    throttled: (minutes) => `Too many failed sign-ins. Please try again in ${minutes ?? 15} minutes.`,
    failed: (reason) => `Could not sign in${reason ? `: ${reason}` : '. Please try again.'}`,
  },
};
