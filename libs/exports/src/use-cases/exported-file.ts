/** A file an export use case produced; the controller only turns it into an HTTP download. */
export interface ExportedFile {
  /** The name with its Vietnamese letters, and an ASCII fallback for old clients. */
  readonly fileName: { readonly unicode: string; readonly ascii: string };
  readonly contentType: string;
  readonly body: Buffer;
}

/** What an export use case answers: the file, or why there is none (the controller maps it to 400/404). */
export type ExportResult =
  | { readonly kind: 'file'; readonly file: ExportedFile }
  | { readonly kind: 'unknown-unit'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly reason: string };

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
