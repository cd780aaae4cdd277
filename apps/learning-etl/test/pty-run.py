"""Run a command on a real pseudo-terminal, answering prompts; print JSON {output, code}.

argv[1]: JSON list, the command; argv[2]: JSON list of answers; argv[3]: the prompt text
(each answer is typed after the prompt has appeared once more).
"""
import json
import os
import pty
import select
import sys
import time

command = json.loads(sys.argv[1])
answers = json.loads(sys.argv[2])
prompt = sys.argv[3].encode()
deadline = time.time() + 60

pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)

output = b""


def read_some(timeout):
    global output
    ready, _, _ = select.select([fd], [], [], timeout)
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
for i, answer in enumerate(answers):
    while open_ and output.count(prompt) < i + 1 and time.time() < deadline:
        open_ = read_some(0.1)
    os.write(fd, (answer + "\n").encode())
while open_ and time.time() < deadline:
    open_ = read_some(0.2)
    if not open_:
        break
    try:
        done, status = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        break
    if done:
        while read_some(0.2):
            pass
        print(json.dumps({"output": output.decode("utf-8", "replace"), "code": os.waitstatus_to_exitcode(status)}))
        sys.exit(0)
if time.time() >= deadline:
    os.kill(pid, 9)
_, status = os.waitpid(pid, 0)
print(json.dumps({"output": output.decode("utf-8", "replace"), "code": os.waitstatus_to_exitcode(status)}))
