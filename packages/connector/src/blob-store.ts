/**
 * The `BlobStore` port: a flat key -> bytes object store (S3, or a local folder by default).
 * Keys use `/` as a separator and never start with `/` or contain `..`.
 */
export interface BlobStore {
  /** Where the objects live, for messages (`s3://bucket`, a folder path). */
  readonly location: string;
  put(key: string, body: Uint8Array | string): Promise<void>;
  /** The object's bytes; a NOT FOUND `ToolbeltError` (DATA) when absent. */
  get(key: string): Promise<Uint8Array>;
  /** Every key starting with `prefix`, sorted by code point. */
  list(prefix: string): Promise<string[]>;
  /** Removes the object; absent objects are fine. */
  delete(key: string): Promise<void>;
  /** Checks the store can be reached (bucket exists, folder writable). */
  check(): Promise<void>;
}

/** Rejects keys that could escape a folder or mean different things on S3 and disk. */
export function assertValidKey(key: string): void {
  if (
    key === '' ||
    key.startsWith('/') ||
    key.split('/').some((part) => part === '..' || part === '.' || part === '') ||
    key.includes('\\') ||
    key.includes('\0')
  ) {
    throw new RangeError(`Invalid object key: '${key}'`);
  }
}
