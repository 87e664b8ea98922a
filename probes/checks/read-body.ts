// A provider streaming a huge or endless answer must not hold the probe (or its memory)
// until the timeout, so a check reads only as much as it can use.

export interface BodyPrefix {
  text: string;
  /** The body went on past the limit and was not read further. */
  truncated: boolean;
}

export async function readBodyPrefix(response: Response, limitBytes: number): Promise<BodyPrefix> {
  if (!response.body) return { text: "", truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size <= limitBytes) {
    const { done, value } = await reader.read();
    if (done) return { text: new TextDecoder().decode(Buffer.concat(chunks)), truncated: false };
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel();
  return { text: new TextDecoder().decode(Buffer.concat(chunks).subarray(0, limitBytes)), truncated: true };
}
