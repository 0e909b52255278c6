/**
 * HtmlService: pages served from the build directory (createHtmlOutputFromFile('Sidebar') reads
 * build/Sidebar.html), outputs with title and size, and templates with <?= name ?> / <?!= name ?>
 * replaced by the template's properties (no other scriptlets).
 */
import GAS = GoogleAppsScript;
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeContext } from './context';
import { SandboxMode, XFrameOptionsMode } from './enums';
import { FakeObject } from './fakeObject';

type OutputImplemented =
  | 'addMetaTag'
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'getContent'
  | 'getFaviconUrl'
  | 'getHeight'
  | 'getTitle'
  | 'getWidth'
  | 'setContent'
  | 'setFaviconUrl'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setTitle'
  | 'setWidth'
  | 'setXFrameOptionsMode';

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeHtmlOutput extends GAS.HTML.HtmlOutput {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeHtmlOutput extends FakeObject implements Pick<GAS.HTML.HtmlOutput, OutputImplemented> {
  title = '';
  width: number | undefined;
  height: number | undefined;
  faviconUrl = '';
  sandboxMode: GAS.HTML.SandboxMode = SandboxMode.IFRAME;
  xFrameOptionsMode: GAS.HTML.XFrameOptionsMode = XFrameOptionsMode.DEFAULT;
  readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    ctx: FakeContext,
    public content = '',
  ) {
    super(ctx, 'HtmlOutput');
  }
  addMetaTag(name: string, content: string): this {
    this.metaTags.push({ name, content });
    return this;
  }
  append(addedContent: string): this {
    this.content += addedContent;
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this.content += escapeHtml(addedContent);
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = content;
    return this;
  }
  getFaviconUrl(): string {
    return this.faviconUrl;
  }
  setFaviconUrl(iconUrl: string): this {
    this.faviconUrl = iconUrl;
    return this;
  }
  getHeight(): number {
    return this.height ?? 0;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  getWidth(): number {
    return this.width ?? 0;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  setSandboxMode(mode: GAS.HTML.SandboxMode): this {
    this.sandboxMode = mode;
    return this;
  }
  setXFrameOptionsMode(mode: GAS.HTML.XFrameOptionsMode): this {
    this.xFrameOptionsMode = mode;
    return this;
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeHtmlTemplate extends GAS.HTML.HtmlTemplate {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeHtmlTemplate extends FakeObject implements Pick<GAS.HTML.HtmlTemplate, 'evaluate' | 'getRawContent'> {
  constructor(
    ctx: FakeContext,
    private readonly templateSource_: string,
  ) {
    super(ctx, 'HtmlTemplate');
  }
  getRawContent(): string {
    return this.templateSource_;
  }
  evaluate(): FakeHtmlOutput {
    const vars = this as unknown as Record<string, unknown>;
    const html = this.templateSource_.replace(
      /<\?(!?)=\s*([A-Za-z_$][\w$]*)\s*\?>/g,
      (_m, bang: string, name: string) => {
        const text = String(vars[name] ?? '');
        return bang ? text : escapeHtml(text);
      },
    );
    return new FakeHtmlOutput(this.ctx, html);
  }
}

type ServiceImplemented =
  'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile' | 'getUserAgent';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeHtmlService extends GAS.HTML.HtmlService {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeHtmlService
  extends FakeObject
  implements Pick<GAS.HTML.HtmlService, ServiceImplemented | 'SandboxMode' | 'XFrameOptionsMode'>
{
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    ctx: FakeContext,
    /** Where createHtmlOutputFromFile looks (build/). */
    readonly buildDir: string,
  ) {
    super(ctx, 'HtmlService');
  }

  private read(filename: string): string {
    const candidates = [join(this.buildDir, `${filename}.html`), join(this.buildDir, filename)];
    const path = candidates.find((p) => existsSync(p));
    if (!path) throw this.ctx.error(`No HTML file named ${filename} was found.`);
    return readFileSync(path, 'utf8');
  }

  createHtmlOutput(html?: string | GAS.Base.BlobSource): FakeHtmlOutput {
    const text = html === undefined ? '' : typeof html === 'string' ? html : html.getBlob().getDataAsString();
    return new FakeHtmlOutput(this.ctx, text);
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.ctx, this.read(filename));
  }
  createTemplate(html: string | GAS.Base.BlobSource): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this.ctx, typeof html === 'string' ? html : html.getBlob().getDataAsString());
  }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this.ctx, this.read(filename));
  }
  getUserAgent(): string {
    return 'Mozilla/5.0 (fake Apps Script runtime)';
  }
}
