package io.asyncj;

/**
 * Something an {@code @Async} method can wait for: a {@link Coroutine}, a {@link Future} or a
 * {@link Task}. {@code await(x)} (from {@link Asyncio}) and {@code x.await()} are the two spellings
 * of a suspension point; the asyncj processor rewrites both. Called anywhere else, {@link #await()}
 * throws {@link IllegalStateException}, because only compiled code can suspend.
 *
 * <p>The interface is sealed: the runtime's task driver knows how to wait for exactly these two
 * kinds. To make something else awaitable, complete a {@link Future} from it, or bridge a
 * {@link java.util.concurrent.CompletionStage} with {@link Future#from}.
 *
 * @param <T> the type of the value the await produces
 */
public sealed interface Awaitable<T> permits Coroutine, Future {

    /**
     * Suspends the enclosing {@code @Async} method until this completes, then returns its value or
     * throws its exception, unwrapped. Rewritten by the processor; never runs as written.
     *
     * @throws IllegalStateException always, when reached at run time (the method containing the
     *     call was not compiled by the asyncj processor)
     */
    T await();
}
