package io.asyncj;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** kotlinx.coroutines' ordering idiom: {@code expect(1) ... expect(2) ... finish(3)}. */
final class Expect {
    private int last;

    void expect(int n) {
        assertEquals(last + 1, n, "expected step " + (last + 1) + " but reached step " + n);
        last = n;
    }

    void finish(int n) {
        expect(n);
    }

    int last() {
        return last;
    }
}
