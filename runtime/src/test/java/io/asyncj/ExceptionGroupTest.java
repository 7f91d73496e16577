package io.asyncj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** split/subgroup as CPython's ExceptionGroup does them (the answers in the comments are python3's). */
class ExceptionGroupTest {

    private static String r(Throwable e) {
        if (e == null) {
            return "None";
        }
        if (e instanceof ExceptionGroup g) {
            StringBuilder sb = new StringBuilder("EG(" + g.message() + ", [");
            for (int i = 0; i < g.exceptions().size(); i++) {
                sb.append(i > 0 ? ", " : "").append(r(g.exceptions().get(i)));
            }
            return sb.append("])").toString();
        }
        return e.getClass().getSimpleName() + "(" + e.getMessage() + ")";
    }

    private final ExceptionGroup eg = new ExceptionGroup("m", List.of(
            new IllegalArgumentException("1"),
            new ExceptionGroup("n", List.of(new NoSuchElementException("2"), new IllegalArgumentException("3"))),
            new ArithmeticException("4")));

    @Test
    void splitKeepsTheNesting() {
        // ExceptionGroup('m', [ValueError(1), ExceptionGroup('n', [ValueError(3)])])
        // ExceptionGroup('m', [ExceptionGroup('n', [KeyError(2)]), TypeError(4)])
        ExceptionGroup.Split s = eg.split(IllegalArgumentException.class);
        assertEquals("EG(m, [IllegalArgumentException(1), EG(n, [IllegalArgumentException(3)])])", r(s.match()));
        assertEquals("EG(m, [EG(n, [NoSuchElementException(2)]), ArithmeticException(4)])", r(s.rest()));
    }

    @Test
    void aGroupThatMatchesIsTakenWhole() {
        assertSame(eg, eg.subgroup(e -> e instanceof ExceptionGroup));
        ExceptionGroup.Split s = eg.split(RuntimeException.class);
        assertSame(eg, s.match());
        assertNull(s.rest());
    }

    @Test
    void subgroupIsNullWhenNothingMatches() {
        assertNull(eg.subgroup(IllegalStateException.class));
        assertEquals("EG(m, [EG(n, [NoSuchElementException(2)])])", r(eg.subgroup(NoSuchElementException.class)));
        assertEquals("m", eg.derive(List.of(new RuntimeException("x"))).message());
    }
}
