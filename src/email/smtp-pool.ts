import { PassThrough } from 'node:stream';
import SMTPConnection, { type SMTPConnectionOptions } from 'nodemailer/lib/smtp-connection';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type { RawMessage } from './mailer.js';

/** How long an unused connection stays open before it is closed (servers drop idle ones anyway). */
const IDLE_MS = 15_000;

interface Lane {
  connection: SMTPConnection;
  /** Messages this connection has sent; a connection that has sent before may have been dropped since. */
  sent: number;
  /**
   * Where a message given in pieces is put together before it goes out. Reused for the next
   * message once the server has accepted this one (it has then read every byte), so bulk sends
   * do not leave a message-sized allocation behind per message; dropped after any failure.
   */
  buffer?: Buffer;
  idleTimer?: NodeJS.Timeout;
}

type SendError = Error & { code?: string; responseCode?: number };

/**
 * Up to `size` SMTP connections for messages built elsewhere (the newsletter's), each used for one
 * message at a time. It speaks SMTP through nodemailer's SMTPConnection, as nodemailer's own pool
 * does, but hands each message straight to a connection: no per-message mail object, composer
 * or stream pipeline, which cost bulk sends more CPU than the SMTP exchange itself.
 */
export class RawSmtpPool {
  private readonly options: SMTPConnectionOptions;
  private readonly auth: { user: string; pass: string } | undefined;
  private readonly idle: Lane[] = [];
  /** Senders waiting for a connection to come free (or a slot to open one). */
  private readonly waiting: Array<() => void> = [];
  /** Connections already taken out of the count (closed by either side). */
  private readonly gone = new WeakSet<SMTPConnection>();
  private open = 0;
  private closed = false;

  constructor(
    url: string,
    readonly size: number,
  ) {
    const { auth, ...options } = parseConnectionUrl(url) as SMTPConnectionOptions & { auth?: { user?: string; pass?: string } };
    this.options = { ...options, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
    this.auth = auth ? { user: auth.user ?? '', pass: auth.pass ?? '' } : undefined;
  }

  /** Sends one message; when `holdEnd` is given its data is not ended (so the server cannot accept it) before that settles. */
  async send(message: RawMessage): Promise<void> {
    let lane = await this.acquire();
    try {
      await this.transfer(lane, message);
    } catch (error) {
      // A reused connection the server closed meanwhile fails before a byte of the message went
      // out: the message then goes over a fresh connection, once.
      if (!(error as { untouched?: boolean }).untouched || lane.sent === 0) throw this.settle(lane, error as SendError);
      this.discard(lane);
      lane = await this.connect();
      try {
        await this.transfer(lane, message);
      } catch (retryError) {
        throw this.settle(lane, retryError as SendError);
      }
    }
    lane.sent += 1;
    this.release(lane);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const wake of this.waiting.splice(0)) wake();
    for (const lane of this.idle.splice(0)) {
      clearTimeout(lane.idleTimer);
      lane.connection.quit();
    }
  }

  private transfer(lane: Lane, { from, to, raw, holdEnd }: RawMessage): Promise<void> {
    const body = new PassThrough();
    return new Promise<void>((resolve, reject) => {
      lane.connection.send({ from, to: [to] }, body, (error) => {
        if (!error) return resolve();
        lane.buffer = undefined;
        reject(Object.assign(error, { untouched: !body.readableDidRead && !(error as SendError).responseCode }));
      });
      body.write(Buffer.isBuffer(raw) ? raw : this.assemble(lane, raw));
      if (!holdEnd) body.end();
      else
        holdEnd.then(
          () => body.end(),
          (error: unknown) => body.destroy(error instanceof Error ? error : new Error(String(error))),
        );
    });
  }

  /** One write per message (each piece written on its own would cost a socket write), into the lane's buffer. */
  private assemble(lane: Lane, pieces: readonly Buffer[]): Buffer {
    let size = 0;
    for (const piece of pieces) size += piece.length;
    if (!lane.buffer || lane.buffer.length < size) lane.buffer = Buffer.allocUnsafeSlow(Math.max(64 * 1024, Math.ceil(size * 1.25)));
    let at = 0;
    for (const piece of pieces) at += piece.copy(lane.buffer, at);
    return lane.buffer.subarray(0, size);
  }

  /** After a failed message: a refusal leaves the connection usable (after RSET); anything else closes it. */
  private settle(lane: Lane, error: SendError): SendError {
    const refused = (error.code === 'EENVELOPE' || error.code === 'EMESSAGE') && error.responseCode !== undefined && error.responseCode !== 421;
    if (!refused) {
      this.discard(lane);
      return error;
    }
    lane.connection.reset((resetError) => {
      if (resetError) this.discard(lane);
      else this.release(lane);
    });
    return error;
  }

  private async acquire(): Promise<Lane> {
    for (;;) {
      if (this.closed) throw new Error('the SMTP pool is closed');
      const lane = this.idle.pop();
      if (lane) {
        clearTimeout(lane.idleTimer);
        return lane;
      }
      if (this.open < this.size) return this.connect();
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
  }

  private async connect(): Promise<Lane> {
    this.open += 1;
    const connection = new SMTPConnection(this.options);
    try {
      await new Promise<void>((resolve, reject) => {
        connection.once('error', reject);
        connection.connect(() => (this.auth ? connection.login(this.auth, (error) => (error ? reject(error) : resolve())) : resolve()));
      });
    } catch (error) {
      this.forget(connection);
      connection.close();
      throw error;
    }
    // Errors after the handshake reach the sender through send's callback; the event itself must not crash the process.
    connection.on('error', () => undefined);
    connection.once('end', () => this.forget(connection));
    return { connection, sent: 0 };
  }

  private release(lane: Lane): void {
    if (this.closed) return lane.connection.quit();
    lane.idleTimer = setTimeout(() => {
      this.forget(lane.connection);
      lane.connection.quit();
    }, IDLE_MS);
    lane.idleTimer.unref();
    this.idle.push(lane);
    this.waiting.shift()?.();
  }

  private discard(lane: Lane): void {
    this.forget(lane.connection);
    lane.connection.close();
  }

  /** Takes a connection out of the pool (closed by either side, counted once) and lets a waiting sender open another. */
  private forget(connection: SMTPConnection): void {
    if (this.gone.has(connection)) return;
    this.gone.add(connection);
    this.open -= 1;
    const at = this.idle.findIndex((l) => l.connection === connection);
    if (at >= 0) clearTimeout(this.idle.splice(at, 1)[0]!.idleTimer);
    this.waiting.shift()?.();
  }
}
