/**
 * Utilities and Blob: formatDate with Java SimpleDateFormat patterns, blobs (bytes are signed like
 * Java's), base64, UUIDs, SHA digests, and sleep, which does not wait but adds up the time slept
 * (`slept`) and counts as a call.
 */
import GAS = GoogleAppsScript;
import { createHash, randomUUID } from 'node:crypto';
import { isDate, type FakeContext } from './context';
import { FakeObject } from './fakeObject';
import { formatJavaDate } from './javaDateFormat';

function toSigned(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

function toBuffer(data: string | number[]): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => b & 0xff));
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeBlob extends GAS.Base.Blob {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeBlob
  extends FakeObject
  implements
    Pick<
      GAS.Base.Blob,
      | 'copyBlob'
      | 'getBlob'
      | 'getBytes'
      | 'getContentType'
      | 'getDataAsString'
      | 'getName'
      | 'isGoogleType'
      | 'setBytes'
      | 'setContentType'
      | 'setDataFromString'
      | 'setName'
    >
{
  constructor(
    ctx: FakeContext,
    public data: Buffer,
    public contentType: string | null,
    public name: string | null,
  ) {
    super(ctx, 'Blob');
  }
  copyBlob(): FakeBlob {
    return new FakeBlob(this.ctx, Buffer.from(this.data), this.contentType, this.name);
  }
  getBlob(): FakeBlob {
    return this;
  }
  getBytes(): number[] {
    return toSigned(this.data);
  }
  setBytes(data: number[]): this {
    this.data = toBuffer(data);
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): this {
    this.contentType = contentType;
    return this;
  }
  getDataAsString(charset?: string): string {
    return this.data.toString(charset && /^utf-?16/i.test(charset) ? 'utf16le' : 'utf8');
  }
  setDataFromString(text: string): this {
    this.data = Buffer.from(text, 'utf8');
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): this {
    this.name = name;
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
}

type Implemented =
  | 'base64Decode'
  | 'base64DecodeWebSafe'
  | 'base64Encode'
  | 'base64EncodeWebSafe'
  | 'computeDigest'
  | 'formatDate'
  | 'formatString'
  | 'getUuid'
  | 'newBlob'
  | 'sleep';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeUtilities extends GAS.Utilities.Utilities {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeUtilities
  extends FakeObject
  implements Pick<GAS.Utilities.Utilities, Implemented | 'Charset' | 'DigestAlgorithm'>
{
  readonly Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as unknown as typeof GAS.Utilities.Charset;
  readonly DigestAlgorithm = {
    MD2: 'md2',
    MD5: 'md5',
    SHA_1: 'sha1',
    SHA_256: 'sha256',
    SHA_384: 'sha384',
    SHA_512: 'sha512',
  } as unknown as typeof GAS.Utilities.DigestAlgorithm;
  /** Milliseconds the code asked to sleep (nothing waits). */
  slept = 0;

  constructor(ctx: FakeContext) {
    super(ctx, 'Utilities');
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date))
      throw this.ctx.error(
        "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
      );
    return formatJavaDate(date, timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return template.replace(/%(\d*\.?\d*)([sdf%])/g, (_m, width: string, kind: string) => {
      if (kind === '%') return '%';
      const value = args[i++];
      if (kind === 'd') return String(Math.trunc(Number(value)));
      if (kind === 'f') return Number(value).toFixed(width.includes('.') ? Number(width.split('.')[1]) : 6);
      return String(value);
    });
  }
  newBlob(data: string | number[], contentType?: string, name?: string): FakeBlob {
    return new FakeBlob(this.ctx, toBuffer(data), contentType ?? null, name ?? null);
  }
  getUuid(): string {
    return randomUUID();
  }
  sleep(milliseconds: number): void {
    this.slept += milliseconds;
  }
  base64Encode(data: string | number[]): string {
    return toBuffer(data).toString('base64');
  }
  base64EncodeWebSafe(data: string | number[]): string {
    return toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): number[] {
    return toSigned(Buffer.from(encoded, 'base64'));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    return toSigned(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
  computeDigest(algorithm: GAS.Utilities.DigestAlgorithm, value: string | number[]): number[] {
    return toSigned(createHash(String(algorithm)).update(toBuffer(value)).digest());
  }
}
