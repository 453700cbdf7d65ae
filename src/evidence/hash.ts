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

/** Size of a file in bytes. */
export function fileSize(path: string): number {
  return statSync(path).size;
}
