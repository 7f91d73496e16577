package io.asyncj;

/**
 * What a server runs for each connection (asyncio's {@code client_connected_cb}): usually an
 * {@code @Async} method reference, {@code startServer(EchoServer::handle, host, port)}. It may
 * declare checked exceptions, as stream code does; whatever it throws, or its coroutine fails with,
 * goes to the loop's exception handler and the connection is closed.
 */
@FunctionalInterface
public interface ConnectionHandler {
    Coroutine<Void> handle(StreamReader reader, StreamWriter writer) throws Exception;
}
