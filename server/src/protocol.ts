// The connection to the editor, and the base protocol's rules the server keeps whatever the
// client sends: initialize first and once, nothing served after shutdown, and a stream whose
// framing is lost ends the server rather than leaving it deaf.
//
// The transport is chosen from the command line as vscode-languageserver does (`--node-ipc`,
// `--stdio`, `--socket=N`, `--pipe=NAME`), but the server makes the reader and writer itself so
// that it sees the reader's errors and every message in and out.
import { format } from 'util';
import {
  createConnection,
  createServerPipeTransport,
  createServerSocketTransport,
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  Message,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
  type NotificationMessage,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';

export interface MessageHooks {
  /** Called on each message the server will handle, before its handler (may change its params). */
  incoming(message: RequestMessage | NotificationMessage): void;
  /** Called on each message the server sends; returns the message to send. */
  outgoing(message: Message): Message;
  /** Called after each message read has been handled (or refused): the scheduler counts them. */
  handled?(): void;
}

type Phase = 'before initialize' | 'running' | 'shut down' | 'framing lost';

function transport(): { reader: MessageReader; writer: MessageWriter; stdio: boolean } {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const [name, value] = eq < 0 ? [arg, argv[i + 1]] : [arg.slice(0, eq), arg.slice(eq + 1)];
    if (name === '--node-ipc') return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
    if (name === '--stdio') return { reader: new StreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout), stdio: true };
    if (name === '--socket' && value) {
      const [reader, writer] = createServerSocketTransport(parseInt(value, 10));
      return { reader, writer, stdio: false };
    }
    if (name === '--pipe' && value) {
      const [reader, writer] = createServerPipeTransport(value);
      return { reader, writer, stdio: false };
    }
  }
  throw new Error("Start the server with one of '--node-ipc', '--stdio', '--socket=PORT' or '--pipe=NAME'.");
}

/**
 * A reader whose handler's failures stay with the message that caused them. vscode-jsonrpc
 * reports an exception thrown while a delimited message is handled (a `$/cancelRequest` without
 * an id, say) through the reader's onError, where it would look like lost framing and end the
 * server; here it is logged and that message alone is dropped.
 */
class GuardedReader implements MessageReader {
  constructor(private readonly inner: MessageReader) {}
  get onError() {
    return this.inner.onError;
  }
  get onClose() {
    return this.inner.onClose;
  }
  get onPartialMessage() {
    return this.inner.onPartialMessage;
  }
  listen(callback: (message: Message) => void) {
    return this.inner.listen((message) => {
      try {
        callback(message);
      } catch (e) {
        process.stderr.write(`[error] a message from the editor was dropped: handling it failed (${e instanceof Error ? e.message : String(e)})\n`);
      }
    });
  }
  dispose(): void {
    this.inner.dispose();
  }
}

/** A writer that hands every message to `map` first. */
class MappedWriter implements MessageWriter {
  constructor(private readonly inner: MessageWriter, private readonly map: (m: Message) => Message) {}
  get onError() {
    return this.inner.onError;
  }
  get onClose() {
    return this.inner.onClose;
  }
  write(msg: Message): Promise<void> {
    return this.inner.write(this.map(msg));
  }
  end(): void {
    this.inner.end();
  }
  dispose(): void {
    this.inner.dispose();
  }
}

/**
 * The server's connection. Per the LSP specification (base protocol and lifecycle messages):
 * - before `initialize`, a request is answered with ServerNotInitialized (-32002) and a
 *   notification is dropped, except `exit`;
 * - a second `initialize` is answered with InvalidRequest;
 * - after `shutdown`, requests are answered with InvalidRequest and only `exit` is heard;
 * - a frame the reader cannot delimit (no or a bad `Content-Length`, a header line without `:`)
 *   ends the server with a logged error and exit code 1. The messages after it cannot be found
 *   again with certainty, and one that was lost may have been a change to a document: a server
 *   that carried on would check, and edit, a text the editor does not have. An editor restarts a
 *   server that exits (VS Code does, up to 4 times in 3 minutes) and opens its documents again,
 *   so the new server starts from the editor's texts. A frame that is delimited but whose body is
 *   not JSON is only dropped (and logged): the stream is still in step.
 */
export function createPlanConnection(hooks: MessageHooks) {
  const raw = transport();
  const { writer, stdio } = raw;
  const reader = new GuardedReader(raw.reader);
  let phase: Phase = 'before initialize';
  const incoming = (message: RequestMessage | NotificationMessage) => {
    try {
      hooks.incoming(message);
    } catch (e) {
      process.stderr.write(`[error] reading ${message.method} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    }
  };
  const outgoing = (message: Message) => {
    try {
      return hooks.outgoing(message);
    } catch (e) {
      process.stderr.write(`[error] writing a message failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      return message;
    }
  };
  const refuse = (request: RequestMessage, code: number, message: string) => {
    const response: ResponseMessage = { jsonrpc: '2.0', id: request.id, error: { code, message } };
    void writer.write(response).catch(() => undefined);
  };
  const messageStrategy = {
    handleMessage(message: Message, next: (m: Message) => void): void {
      try {
        route(message, next);
      } finally {
        hooks.handled?.();
      }
    },
  };
  /** The lifecycle rules of LSP: what is served, refused or dropped in each phase. */
  const route = (message: Message, next: (m: Message) => void): void => {
    if (Message.isRequest(message)) {
      if (phase === 'framing lost') return;
      if (phase === 'before initialize' && message.method !== 'initialize') {
        refuse(message, ErrorCodes.ServerNotInitialized, `The server is not initialized yet: send "initialize" before "${message.method}".`);
        return;
      }
      if (phase !== 'before initialize' && message.method === 'initialize') {
        refuse(message, ErrorCodes.InvalidRequest, 'The server is already initialized: "initialize" may be sent only once.');
        return;
      }
      if (phase === 'shut down') {
        refuse(message, ErrorCodes.InvalidRequest, `The server is shutting down: "${message.method}" is not served after "shutdown"; send "exit".`);
        return;
      }
      if (message.method === 'initialize') phase = 'running';
      else if (message.method === 'shutdown') phase = 'shut down';
      incoming(message);
    } else if (Message.isNotification(message)) {
      if (message.method !== 'exit' && phase !== 'running') return;
      incoming(message);
    }
    next(message);
  };
  const connection = createConnection(ProposedFeatures.all, reader, new MappedWriter(writer, outgoing), { messageStrategy });

  reader.onError((error) => {
    if (error instanceof SyntaxError) {
      // The frame was read to its end; only its body was not JSON.
      connection.console.error(`A message from the editor was dropped: its body is not JSON (${error.message}).`);
      return;
    }
    if (phase === 'framing lost') return;
    phase = 'framing lost';
    const text = `The connection to the editor is broken: ${error.message.split('\n')[0]} The server stops so that the editor can start it again.`;
    process.stderr.write(`[error] ${text}\n`);
    connection.console.error(text);
    setTimeout(() => process.exit(1), 100);
  });

  if (stdio) {
    // stdout carries the protocol: console output goes to stderr, which editors log.
    const toStderr = (...args: unknown[]) => void process.stderr.write(format(...args) + '\n');
    // (`dir` too: yaml's composer dumps tokens with console.dir when LOG_STREAM is set.)
    console.log = console.info = console.debug = console.warn = console.error = console.dir = console.table = toStderr;
    // The editor closed our input: there is no one left to serve.
    const end = () => process.exit(phase === 'shut down' ? 0 : 1);
    process.stdin.on('end', end);
    process.stdin.on('close', end);
  }
  return connection;
}
