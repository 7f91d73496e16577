package io.asyncj;

/**
 * The two ends of a connection, as {@link Asyncio#openConnection} returns them (asyncio's
 * {@code reader, writer = await open_connection(...)}).
 *
 * <pre>{@code
 * var conn = await(openConnection("127.0.0.1", 8888));
 * conn.writer().write("ping\n".getBytes(UTF_8));
 * byte[] line = await(conn.reader().readline());
 * conn.writer().close();
 * await(conn.writer().waitClosed());
 * }</pre>
 *
 * @param reader the receiving side
 * @param writer the sending side
 */
public record StreamPair(StreamReader reader, StreamWriter writer) {}
