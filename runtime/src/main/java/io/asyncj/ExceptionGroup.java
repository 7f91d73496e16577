package io.asyncj;

import java.util.List;

/**
 * Python's {@code ExceptionGroup}, as {@link TaskGroup} raises it: several exceptions that happened
 * together, in the order they happened. Each is also attached as a suppressed exception, so a
 * printed stack trace shows them all. Unchecked; the exceptions inside may be checked ones.
 *
 * <pre>{@code
 * try {
 *     await(TaskGroup.run(tg -> { ... }));
 * } catch (ExceptionGroup eg) {
 *     for (Throwable e : eg.exceptions()) { ... }
 * }
 * }</pre>
 */
public class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String baseMessage;
    private final List<Throwable> exceptions;

    /**
     * @param message what the exceptions have in common
     * @param exceptions the exceptions, at least one
     */
    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(message + " (" + exceptions.size() + " sub-exception" + (exceptions.size() == 1 ? "" : "s") + ")",
                null, true, true);
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("an exception group needs at least one exception");
        }
        this.baseMessage = message;
        this.exceptions = List.copyOf(exceptions);
        for (Throwable t : this.exceptions) {
            addSuppressed(t);
        }
    }

    /** The message without the count of sub-exceptions (Python's {@code message}). */
    public String message() {
        return baseMessage;
    }

    /** The exceptions, in the order they happened (Python's {@code exceptions}). */
    public List<Throwable> exceptions() {
        return exceptions;
    }
}
