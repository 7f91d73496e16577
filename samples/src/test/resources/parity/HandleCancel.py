from prelude import *


def main():
    loop = asyncio.new_event_loop()
    handles = {}
    loop.call_soon(lambda: (out("a cancels b"), handles["b"].cancel()))
    handles["b"] = loop.call_soon(out, "b never runs")
    handles["t"] = loop.call_later(0.01, out, "timer never runs")
    loop.call_later(0.005, lambda: (out("early timer cancels the later one"), handles["t"].cancel()))
    loop.call_soon(lambda: (out("c stops the loop"), loop.stop()))
    loop.call_soon(out, "d still runs in this iteration")
    loop.run_forever()
    out("stopped once")
    loop.call_soon(lambda: out("e next run"))
    loop.call_later(0.02, loop.stop)
    loop.run_forever()
    out("stopped twice")
    loop.stop()
    loop.call_soon(out, "f runs before the pending stop")
    loop.run_forever()
    out("stopped thrice", handles["b"].cancelled(), handles["t"].cancelled())
    loop.close()


main()
