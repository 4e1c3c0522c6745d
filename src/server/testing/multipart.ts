/** Multipart bodies as clients send them, well-formed or not, for the upload routes' tests. */

const boundaryOf = () => `----crm${Math.random().toString(16).slice(2)}`;

/** The file as the browser sends it: one part named `file`. */
export function multipartFile(content: Buffer, filename: string, type: string) {
  const boundary = boundaryOf();
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`, 'utf8'),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Bodies a broken or hostile client sends: each must be a 400 of the route, never a 500. */
export function brokenMultipartBodies(content: Buffer): { name: string; payload: Buffer; headers: Record<string, string> }[] {
  const whole = multipartFile(content, 'file.bin', 'application/octet-stream');
  const boundary = boundaryOf();
  return [
    // Cut off mid-file: no closing boundary.
    { name: 'cut off', payload: whole.payload.subarray(0, Math.floor(whole.payload.length / 2)), headers: whole.headers },
    { name: 'no boundary', payload: whole.payload, headers: { 'content-type': 'multipart/form-data' } },
    {
      name: 'a file part without a file name',
      payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    },
    { name: 'text field only', payload: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } },
    { name: 'not multipart at all', payload: Buffer.from('not really multipart'), headers: { 'content-type': 'multipart/form-data; boundary=zzz' } },
  ];
}
