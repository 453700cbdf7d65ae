import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';

/** SHA-256 of bytes or text (UTF-8), as lower-case hex. */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** SHA-256 of a file, streamed so that large inputs do not need to fit in memory. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** SHA-256 of each file, by its path (a report's provenance table lists them). */
export async function sha256Files(paths: readonly string[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const path of paths) hashes.set(path, await sha256File(path));
  return hashes;
}

/** Size of a file in bytes. */
export function fileSize(path: string): number {
  return statSync(path).size;
}

/** Whether a recorded input is a warehouse table (`clickhouse://host:port/DB/TABLE`) rather than a file. */
export function isWarehouseInput(path: string): boolean {
  return path.startsWith('clickhouse://');
}

/**
 * The hash of a recorded input: a file's SHA-256 and size, or for a warehouse table the SHA-256 of
 * its content checksum (row count and hash sum, `tableChecksum`) and its row count; null when a
 * warehouse table cannot be reached.
 */
export async function hashInput(path: string): Promise<{ readonly sha256: string; readonly bytes: number } | null> {
  if (!isWarehouseInput(path)) return { sha256: await sha256File(path), bytes: fileSize(path) };
  const { warehouseInputChecksum } = await import('../engine/warehouse');
  const checksum = await warehouseInputChecksum(path);
  if (checksum === null) return null;
  return { sha256: sha256(checksum), bytes: Number(/=(\d+)/.exec(checksum)?.[1] ?? 0) };
}
