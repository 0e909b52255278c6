/**
 * The bundle's Date and Intl.DateTimeFormat, installed in its node:vm context. In Apps Script the
 * script's time zone (appsscript.json, Europe/Moscow) is the JavaScript local time zone; here the host's
 * may be anything (UTC on CI). So inside the vm:
 *  - `new Date()` and `Date.now()` read the runtime's clock;
 *  - local-time methods (getDate, getHours, setHours, getTimezoneOffset, toString, toLocale*String...),
 *    `new Date(y, m, d, ...)` and date strings without a zone work in the script's time zone;
 *  - `Intl.DateTimeFormat` defaults to the script's time zone.
 * Dates keep the vm's own Date.prototype, so `instanceof Date` holds for every date in the bundle.
 */
import { offsetMinutes, wallTime } from './timeZones';

export interface VmDateHost {
  /** The runtime's clock, in milliseconds. */
  now(): number;
  /** The script's time zone (read on every call, so it may change). */
  timeZone(): string;
  /** Minutes east of UTC in the script's time zone at `ms`. */
  offset(ms: number): number;
  /** The instant at which the script's wall clock reads `wallMs` (wall time written as if UTC). */
  fromWall(wallMs: number): number;
}

export function vmDateHost(now: () => Date, timeZone: () => string): VmDateHost {
  return {
    now: () => now().getTime(),
    timeZone,
    offset: (ms) => offsetMinutes(new Date(ms), timeZone()),
    fromWall(wallMs) {
      const wall = new Date(wallMs);
      let guess = wallMs - offsetMinutes(wall, timeZone()) * 60000;
      guess = wallMs - offsetMinutes(new Date(guess), timeZone()) * 60000;
      // a wall time skipped by a DST jump: keep the earlier offset, like V8
      const check = wallTime(new Date(guess), timeZone());
      return check.hour === wall.getUTCHours()
        ? guess
        : wallMs - offsetMinutes(new Date(guess - 3600000), timeZone()) * 60000;
    },
  };
}

/** Evaluated in the vm: a function taking the host and returning the realm's constructors. */
export const VM_DATE_SHIM = `(function (host) {
  'use strict';
  const NativeDate = Date;
  const proto = NativeDate.prototype;
  const native = {};
  for (const name of Object.getOwnPropertyNames(proto)) native[name] = proto[name];
  const ZONED = /(?:Z|[+-]\\d{2}:?\\d{2}|\\b(?:GMT|UTC)(?:[+-]\\d{1,4})?)\\s*$/i;
  const DATE_ONLY = /^\\d{4}-\\d{2}-\\d{2}$/;
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  function time(date) { return native.getTime.call(date); }
  function wall(date) {
    const t = time(date);
    return new NativeDate(t + host.offset(t) * 60000);
  }
  function parse(text) {
    const s = String(text).trim();
    const t = NativeDate.parse(s);
    if (Number.isNaN(t) || ZONED.test(s) || DATE_ONLY.test(s)) return t;
    const hostWall = t - native.getTimezoneOffset.call(new NativeDate(t)) * 60000;
    return host.fromWall(hostWall);
  }

  function FakeDate(...args) {
    if (!new.target) return FakeDate.prototype.toString.call(new FakeDate());
    let t;
    if (args.length === 0) t = host.now();
    else if (args.length === 1) {
      const a = args[0];
      t = typeof a === 'string' ? parse(a) : Object.prototype.toString.call(a) === '[object Date]' ? time(a) : Number(a);
    } else t = host.fromWall(NativeDate.UTC(...args.map(Number)));
    return Reflect.construct(NativeDate, [t], new.target);
  }
  FakeDate.prototype = proto;
  Object.setPrototypeOf(FakeDate, NativeDate);
  Object.defineProperty(FakeDate, 'name', { value: 'Date' });
  Object.defineProperty(FakeDate, 'length', { value: 7 });
  FakeDate.now = function now() { return host.now(); };
  FakeDate.parse = function (text) { return parse(text); };
  Object.defineProperty(proto, 'constructor', { value: FakeDate, writable: true, configurable: true });

  const getters = { getFullYear: 'getUTCFullYear', getMonth: 'getUTCMonth', getDate: 'getUTCDate', getDay: 'getUTCDay',
    getHours: 'getUTCHours', getMinutes: 'getUTCMinutes', getSeconds: 'getUTCSeconds', getMilliseconds: 'getUTCMilliseconds' };
  for (const [local, utc] of Object.entries(getters)) {
    Object.defineProperty(proto, local, { value: function () {
      return Number.isNaN(time(this)) ? NaN : native[utc].call(wall(this));
    }, writable: true, configurable: true });
  }
  const setters = { setFullYear: 'setUTCFullYear', setMonth: 'setUTCMonth', setDate: 'setUTCDate', setHours: 'setUTCHours',
    setMinutes: 'setUTCMinutes', setSeconds: 'setUTCSeconds', setMilliseconds: 'setUTCMilliseconds' };
  for (const [local, utc] of Object.entries(setters)) {
    Object.defineProperty(proto, local, { value: function (...args) {
      const t = time(this);
      const w = Number.isNaN(t) ? new NativeDate(local === 'setFullYear' ? 0 : NaN) : wall(this);
      native[utc].apply(w, args);
      const wallMs = native.getTime.call(w);
      return native.setTime.call(this, Number.isNaN(wallMs) ? NaN : host.fromWall(wallMs));
    }, writable: true, configurable: true });
  }
  Object.defineProperty(proto, 'getTimezoneOffset', { value: function () {
    const t = time(this);
    return Number.isNaN(t) ? NaN : -host.offset(t);
  }, writable: true, configurable: true });

  const pad = (n, w) => String(Math.abs(n)).padStart(w || 2, '0');
  function zone(date) {
    const minutes = -date.getTimezoneOffset();
    return 'GMT' + (minutes < 0 ? '-' : '+') + pad(Math.floor(Math.abs(minutes) / 60)) + pad(Math.abs(minutes) % 60);
  }
  function dateText(d) { return DAYS[d.getDay()] + ' ' + MONTHS[d.getMonth()] + ' ' + pad(d.getDate()) + ' ' + pad(d.getFullYear(), 4); }
  function timeText(d) { return pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds()) + ' ' + zone(d) + ' (' + host.timeZone() + ')'; }
  const texts = {
    toString() { return Number.isNaN(time(this)) ? 'Invalid Date' : dateText(this) + ' ' + timeText(this); },
    toDateString() { return Number.isNaN(time(this)) ? 'Invalid Date' : dateText(this); },
    toTimeString() { return Number.isNaN(time(this)) ? 'Invalid Date' : timeText(this); },
  };
  for (const [name, fn] of Object.entries(texts)) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
    Object.defineProperty(proto, name, { value: function (locales, options) {
      return native[name].call(this, locales, Object.assign({ timeZone: host.timeZone() }, options));
    }, writable: true, configurable: true });
  }

  const NativeDateTimeFormat = Intl.DateTimeFormat;
  function DateTimeFormat(locales, options) {
    return new NativeDateTimeFormat(locales, Object.assign({ timeZone: host.timeZone() }, options));
  }
  DateTimeFormat.prototype = NativeDateTimeFormat.prototype;
  DateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf;
  Object.defineProperty(Intl, 'DateTimeFormat', { value: DateTimeFormat, writable: true, configurable: true });

  globalThis.Date = FakeDate;
  return { Array, Date: FakeDate, Error, Object };
})`;
