"""Runs each named Python twin in a fresh forked child of one interpreter (python3 starts slowly
on a loaded machine; a fork is cheap and starts with asyncio's task-name counter at zero) and
writes what it prints to OUTDIR/<name>.out.  Usage: runner.py SRCDIR OUTDIR NAME..."""
import os
import signal
import sys

src_dir, out_dir, names = sys.argv[1], sys.argv[2], sys.argv[3:]
sys.path.insert(0, src_dir)
import asyncio  # noqa: E402,F401  (imported once, before forking)
import prelude  # noqa: E402,F401

for name in names:
    path = os.path.join(src_dir, name + ".py")
    with open(path, encoding="utf-8") as f:
        code = compile(f.read(), path, "exec")
    target = os.path.join(out_dir, name + ".out")
    pid = os.fork()
    if pid == 0:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(fd, 1)
        err = os.open(target[:-4] + ".err", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(err, 2)  # logs (asyncio's default exception handler) are not compared
        signal.alarm(20)  # a twin that hangs is killed (its output so far is compared)
        try:
            exec(code, {"__name__": "__main__", "__file__": path})
        except BaseException as e:  # the twin's own bug: show it in the diff
            print("python error:", repr(e), flush=True)
        sys.stdout.flush()
        os._exit(0)
    os.waitpid(pid, 0)
