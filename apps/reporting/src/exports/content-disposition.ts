/** RFC 5987 / 8187 ext-value: percent-encoded UTF-8, with the characters encodeURIComponent leaves but attr-char forbids. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment; filename="ascii.xlsx"; filename*=UTF-8''Ph%E1%BB%A5%20l%E1%BB%A5c…` (RFC 6266):
 * browsers use the UTF-8 name, older clients the ASCII fallback.
 */
export function attachmentDisposition(fileName: { readonly unicode: string; readonly ascii: string }): string {
  const ascii = fileName.ascii.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(fileName.unicode)}`;
}
