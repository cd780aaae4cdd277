import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** One step of a terminal session: wait until `waitFor` has appeared, then type `send`. */
export interface PtyStep {
  /** Text to wait for in the output (counted from the previous step's match). */
  waitFor: string;
  /** What to type: a line (`"2023-05-31\n"`) or a control key (`"\u0003"` is Ctrl-C). */
  send: string;
}

export interface PtyResult {
  /** Everything the program wrote to the terminal (stdout and stderr), `\r\n` turned into `\n`. */
  output: string;
  /** Exit status; 128 + n when the program was killed by signal n (the shell's convention). */
  code: number;
  /** Whether every `waitFor` text appeared before the program ended. */
  sawAll: boolean;
}

export interface PtyOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Columns and rows of the terminal (default 100 x 30). */
  columns?: number;
  rows?: number;
  /** Give up (kill the program) after this many seconds (default 60). */
  timeoutSeconds?: number;
}

// Debian's python3 and its pty module: a real pseudo-terminal, no native Node add-on. The
// terminal's line discipline turns Ctrl-C into SIGINT for the foreground program, as a
// person's terminal does.
const script = String.raw`
import fcntl, json, os, pty, select, struct, sys, termios, time
command, steps, columns, rows, timeout = json.loads(sys.argv[1])
deadline = time.time() + timeout
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
output = b""
def read_some(wait):
    global output
    ready, _, _ = select.select([fd], [], [], wait)
    if not ready:
        return True
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        return False
    if not chunk:
        return False
    output += chunk
    return True
open_ = True
seen_all = True
start = 0
for step in steps:
    want = step["waitFor"].encode()
    while open_ and output.find(want, start) < 0 and time.time() < deadline:
        open_ = read_some(0.05)
    found = output.find(want, start)
    if found < 0:
        seen_all = False
        break
    start = found + len(want)
    os.write(fd, step["send"].encode())
while open_ and time.time() < deadline:
    open_ = read_some(0.1)
if time.time() >= deadline:
    os.kill(pid, 9)
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
print(json.dumps({"output": output.decode("utf-8", "replace"), "code": code if code >= 0 else 128 - code, "sawAll": seen_all}))
`;

/**
 * Runs `command` on a real pseudo-terminal (stdin, stdout and stderr are all the terminal),
 * typing each step's text after its `waitFor` text has appeared. Needs `/usr/bin/python3`.
 */
export async function runOnPty(
  command: readonly string[],
  steps: readonly PtyStep[],
  options: PtyOptions = {},
): Promise<PtyResult> {
  const timeout = options.timeoutSeconds ?? 60;
  const { stdout } = await execFileAsync(
    '/usr/bin/python3',
    [
      '-c',
      script,
      JSON.stringify([command, steps, options.columns ?? 100, options.rows ?? 30, timeout]),
    ],
    {
      cwd: options.cwd,
      env: options.env ?? process.env,
      timeout: (timeout + 30) * 1000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const result = JSON.parse(stdout) as PtyResult;
  return { ...result, output: result.output.replaceAll('\r\n', '\n') };
}
