"""The event loop page's "watch a file descriptor for read events" example, and add_writer."""
from prelude import *
from socket import socketpair

rsock, wsock = socketpair()
rsock.setblocking(False)
wsock.setblocking(False)
loop = asyncio.new_event_loop()
removed = []


def reader():
    data = rsock.recv(100)
    out("Received:", data.decode())
    removed.append(loop.remove_reader(rsock))
    removed.append(loop.remove_reader(rsock))
    loop.stop()


def writer():
    out("writable")
    wsock.send("abc".encode())
    out("remove_writer", loop.remove_writer(wsock), loop.remove_writer(wsock))


loop.add_reader(rsock, reader)
loop.add_writer(wsock, writer)
try:
    loop.run_forever()
finally:
    out("removed", removed)
    out("remove unwatched", loop.remove_reader(wsock), loop.remove_writer(rsock))
    rsock.close()
    wsock.close()
    loop.close()
    out("after close", loop.remove_reader(rsock))
