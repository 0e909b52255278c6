/**
 * SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs, all recorded. Alerts and
 * prompts answer from queues a test fills (`answerAlerts`, `answerPrompts`); with an empty queue an
 * alert answers the first button of its set (OK, or YES for YES_NO…) and a prompt answers OK with ''.
 */
import GAS = GoogleAppsScript;
import type { FakeContext } from './context';
import { Button, ButtonSet } from './enums';
import { FakeObject } from './fakeObject';
import type { FakeHtmlOutput } from './html';

export type MenuEntry = { caption: string; handler: string } | 'separator' | { caption: string; items: MenuEntry[] };

export interface RecordedMenu {
  caption: string;
  items: MenuEntry[];
}

export interface RecordedAlert {
  title: string;
  prompt: string;
  buttons: GAS.Base.ButtonSet;
  answer: GAS.Base.Button;
}

export interface RecordedPrompt {
  title: string;
  prompt: string;
  buttons: GAS.Base.ButtonSet;
  answer: { button: GAS.Base.Button; text: string };
}

export interface RecordedPanel {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number | undefined;
  height: number | undefined;
  output: FakeHtmlOutput;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeMenu extends GAS.Base.Menu {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeMenu extends FakeObject implements GAS.Base.Menu {
  readonly items: MenuEntry[] = [];

  constructor(
    ctx: FakeContext,
    private readonly ui: FakeUi,
    readonly caption: string,
  ) {
    super(ctx, 'Menu');
  }
  addItem(caption: string, functionName: string): this {
    this.items.push({ caption, handler: functionName });
    return this;
  }
  addSeparator(): this {
    this.items.push('separator');
    return this;
  }
  addSubMenu(menu: GAS.Base.Menu): this {
    const sub = menu as FakeMenu;
    this.items.push({ caption: sub.caption, items: [...sub.items] });
    return this;
  }
  addToUi(): void {
    this.ui.menus = this.ui.menus.filter((m) => m.caption !== this.caption);
    this.ui.menus.push({ caption: this.caption, items: [...this.items] });
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakePromptResponse extends GAS.Base.PromptResponse {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakePromptResponse extends FakeObject implements GAS.Base.PromptResponse {
  constructor(
    ctx: FakeContext,
    private readonly button: GAS.Base.Button,
    private readonly text: string,
  ) {
    super(ctx, 'PromptResponse');
  }
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): GAS.Base.Button {
    return this.button;
  }
}

type Implemented =
  'alert' | 'createAddonMenu' | 'createMenu' | 'prompt' | 'showModalDialog' | 'showModelessDialog' | 'showSidebar';

function firstButton(buttons: GAS.Base.ButtonSet): GAS.Base.Button {
  return buttons === ButtonSet.YES_NO || buttons === ButtonSet.YES_NO_CANCEL ? Button.YES : Button.OK;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeUi extends GAS.Base.Ui {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeUi extends FakeObject implements Pick<GAS.Base.Ui, Implemented | 'Button' | 'ButtonSet'> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  menus: RecordedMenu[] = [];
  readonly alerts: RecordedAlert[] = [];
  readonly prompts: RecordedPrompt[] = [];
  readonly panels: RecordedPanel[] = [];
  /** Answers for the next alerts, in order. */
  readonly alertAnswers: GAS.Base.Button[] = [];
  /** Answers for the next prompts, in order. */
  readonly promptAnswers: { button: GAS.Base.Button; text: string }[] = [];
  /** The add-on's name, the caption of createAddonMenu(). */
  addonName = 'Реестр страниц';

  constructor(ctx: FakeContext) {
    super(ctx, 'Ui');
  }

  /** Queues answers for the next alerts (test helper). */
  answerAlerts(...answers: GAS.Base.Button[]): this {
    this.alertAnswers.push(...answers);
    return this;
  }
  /** Queues answers for the next prompts (test helper). */
  answerPrompts(...answers: { button?: GAS.Base.Button; text: string }[]): this {
    this.promptAnswers.push(...answers.map((a) => ({ button: a.button ?? Button.OK, text: a.text })));
    return this;
  }
  /** The recorded menu with this caption. */
  menu(caption: string): RecordedMenu | undefined {
    return this.menus.find((m) => m.caption === caption);
  }

  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this.ctx, this, caption);
  }
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this.ctx, this, this.addonName);
  }
  alert(a: string, b?: string | GAS.Base.ButtonSet, c?: GAS.Base.ButtonSet): GAS.Base.Button {
    const [title, prompt, buttons] =
      c !== undefined ? [a, String(b), c] : typeof b === 'string' ? [a, b, ButtonSet.OK] : ['', a, b ?? ButtonSet.OK];
    const answer = this.alertAnswers.shift() ?? firstButton(buttons);
    this.alerts.push({ title, prompt, buttons, answer });
    return answer;
  }
  prompt(a: string, b?: string | GAS.Base.ButtonSet, c?: GAS.Base.ButtonSet): FakePromptResponse {
    const [title, prompt, buttons] =
      c !== undefined ? [a, String(b), c] : typeof b === 'string' ? [a, b, ButtonSet.OK] : ['', a, b ?? ButtonSet.OK];
    const answer = this.promptAnswers.shift() ?? { button: firstButton(buttons), text: '' };
    this.prompts.push({ title, prompt, buttons, answer });
    return new FakePromptResponse(this.ctx, answer.button, answer.text);
  }
  private show(kind: RecordedPanel['kind'], output: GAS.HTML.HtmlOutput, title?: string): void {
    const html = output as FakeHtmlOutput;
    this.panels.push({
      kind,
      title: title ?? html.getTitle(),
      html: html.getContent(),
      width: html.width,
      height: html.height,
      output: html,
    });
  }
  showSidebar(userInterface: GAS.HTML.HtmlOutput): void {
    this.show('sidebar', userInterface);
  }
  showModalDialog(userInterface: GAS.HTML.HtmlOutput, title: string): void {
    this.show('modal', userInterface, title);
  }
  showModelessDialog(userInterface: GAS.HTML.HtmlOutput, title: string): void {
    this.show('modeless', userInterface, title);
  }
}
