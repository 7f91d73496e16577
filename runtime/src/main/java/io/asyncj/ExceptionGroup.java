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

    /** What {@link #split} returns: the matching part and the rest, each null when empty. */
    public record Split(ExceptionGroup match, ExceptionGroup rest) {}

    /**
     * Python's {@code ExceptionGroup.split}, what {@code except*} does: the group itself if it
     * matches {@code condition}; otherwise the leaves (and nested groups) that match, with the
     * nesting kept, and the rest. Each part is a new group from {@link #derive}, or null if empty.
     */
    public Split split(java.util.function.Predicate<? super Throwable> condition) {
        if (condition.test(this)) {
            return new Split(this, null);
        }
        List<Throwable> match = new java.util.ArrayList<>();
        List<Throwable> rest = new java.util.ArrayList<>();
        for (Throwable e : exceptions) {
            if (e instanceof ExceptionGroup eg) {
                Split s = eg.split(condition);
                if (s.match() != null) {
                    match.add(s.match());
                }
                if (s.rest() != null) {
                    rest.add(s.rest());
                }
            } else if (condition.test(e)) {
                match.add(e);
            } else {
                rest.add(e);
            }
        }
        return new Split(match.isEmpty() ? null : derived(match), rest.isEmpty() ? null : derived(rest));
    }

    /** {@link #split(java.util.function.Predicate)} by type, as {@code except* type}. */
    public Split split(Class<? extends Throwable> type) {
        return split(type::isInstance);
    }

    /** Python's {@code ExceptionGroup.subgroup}: the matching part of {@link #split}, or null. */
    public ExceptionGroup subgroup(java.util.function.Predicate<? super Throwable> condition) {
        return split(condition).match();
    }

    /** {@link #subgroup(java.util.function.Predicate)} by type. */
    public ExceptionGroup subgroup(Class<? extends Throwable> type) {
        return subgroup(type::isInstance);
    }

    /** Python's {@code ExceptionGroup.derive}: a group with this one's message around {@code exceptions}. */
    public ExceptionGroup derive(List<? extends Throwable> exceptions) {
        return new ExceptionGroup(baseMessage, exceptions);
    }

    private ExceptionGroup derived(List<Throwable> exceptions) {
        ExceptionGroup g = derive(exceptions);
        if (getCause() != null && g.getCause() == null) {
            g.initCause(getCause());
        }
        g.setStackTrace(getStackTrace());
        return g;
    }
}
