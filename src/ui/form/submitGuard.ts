/**
 * Makes a submit happen once. While a call is in flight further submits are refused; a retry of the
 * same, unchanged input after a failure reuses the request ID, so when the first call did reach the
 * server (and only its answer was lost) the server recognises the repeat and writes nothing twice.
 */
export class SubmitGuard {
  private inFlight = false;
  private lastAttempt: { fingerprint: string; requestId: string } | null = null;

  constructor(private readonly newRequestId: () => string) {}

  get busy(): boolean {
    return this.inFlight;
  }

  /** The request ID for this submit, or null when one is already in flight. */
  begin(fingerprint: string): string | null {
    if (this.inFlight) return null;
    this.inFlight = true;
    if (this.lastAttempt?.fingerprint !== fingerprint) {
      this.lastAttempt = { fingerprint, requestId: this.newRequestId() };
    }
    return this.lastAttempt.requestId;
  }

  /** The call returned. After a success (or an answer that settles it) the next submit is a new request. */
  end(settled: boolean): void {
    this.inFlight = false;
    if (settled) this.lastAttempt = null;
  }
}

/** A random request ID: crypto where the browser has it, else time and Math.random. */
export function randomRequestId(): string {
  const cryptoApi = (globalThis as { crypto?: Crypto }).crypto;
  if (cryptoApi && typeof cryptoApi.getRandomValues === 'function') {
    const bytes = cryptoApi.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  }
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}
