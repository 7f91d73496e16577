"""What every Python twin of samples/src/test/java/io/asyncj/samples/parity/*.java shares (out, d)."""
import asyncio
import sys


def out(*parts):
    print(*parts, flush=True)


def d(e):
    """An exception as its repr, e.g. ValueError('bad'), CancelledError()."""
    return repr(e)


def go(coro):
    """asyncio.run(coro); what escapes it is printed as 'uncaught ...'."""
    try:
        asyncio.run(coro)
    except BaseException as e:
        out("uncaught", d(e))
