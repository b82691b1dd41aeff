/** The CSRF token the reporting API issued (cookie qd766_csrf, readable by design), or null. */
export function csrfToken(cookies: string): string | null {
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'qd766_csrf') return decodeURIComponent(value.join('='));
  }
  return null;
}
