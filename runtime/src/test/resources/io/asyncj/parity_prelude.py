# Prelude of every PythonParityTest program: CPython's asyncio on the same virtual time as
# asyncj's Loops.virtual(), and the helpers the Java side mirrors (out, d, now, work).
import asyncio
import sys
import selectors

if sys.version_info < (3, 11):
    sys.exit(f"PythonParityTest needs CPython 3.11+ (asyncio.Runner, asyncio.timeout); this is {sys.version}")


class VirtualSelector(selectors.DefaultSelector):
    """_run_once passes the time until the next timer; jump there instead of waiting."""
    now = 0.0

    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError("virtual loop idle with nothing scheduled")
        self.now += max(0.0, timeout)
        return super().select(0)


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        self._virtual = VirtualSelector()
        super().__init__(self._virtual)

    def time(self):
        return self._virtual.now


def out(*args):
    print(*args, flush=True)


def d(e):
    """An exception as the trace shows it; timeout messages differ between the two, by design."""
    if isinstance(e, TimeoutError):
        return "TimeoutError"
    return f"{type(e).__name__}({e})"


def now():
    return asyncio.get_running_loop().time()


async def work(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError as e:
        out(name, d(e))
        raise
    if fail:
        out(name, "fails", now())
        raise ValueError(name)
    out(name, "done", now())
    return name


def run(main):
    with asyncio.Runner(loop_factory=VirtualLoop) as runner:
        return runner.run(main)
