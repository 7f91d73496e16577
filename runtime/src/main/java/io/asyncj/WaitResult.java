package io.asyncj;

import java.util.Set;

/**
 * What {@link Asyncio#wait} returns: the futures that are done and those still pending when it
 * returned, as asyncio's {@code (done, pending)} pair. Coroutines passed to {@code wait} appear as
 * the tasks that wrap them.
 */
public record WaitResult<T>(Set<Future<T>> done, Set<Future<T>> pending) {}
