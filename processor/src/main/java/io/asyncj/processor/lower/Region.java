package io.asyncj.processor.lower;

import java.util.ArrayList;
import java.util.List;

/**
 * A dispatch loop ({@code $Ln: for (;;) switch ($state)}): the whole body, or the states inside
 * one {@code try} statement of the user's, which the generated code keeps as a real Java
 * {@code try} (so its {@code catch} clauses stay checked by javac) around a nested dispatch loop.
 */
public final class Region {
    final int id;
    final Region parent;
    /** {@link Block}s and child {@link Region}s in layout order. */
    final List<Object> items = new ArrayList<>();
    /** The {@code catch} clauses that follow {@code try { <this region> }}; empty for the root. */
    final Text handlers = new Text();
    int pos;

    Region(int id, Region parent) {
        this.id = id;
        this.parent = parent;
    }

    public String label() {
        return "$L" + id;
    }

    public Region parent() {
        return parent;
    }

    public List<Object> items() {
        return items;
    }

    public Text handlers() {
        return handlers;
    }

    public int pos() {
        return pos;
    }

    boolean contains(Region r) {
        for (Region x = r; x != null; x = x.parent) {
            if (x == this) {
                return true;
            }
        }
        return false;
    }

    /** Every state laid out in this region or a region nested in it, in layout order. */
    public List<Integer> states() {
        List<Integer> out = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Block b) {
                out.add(b.id);
            } else {
                out.addAll(((Region) item).states());
            }
        }
        return out;
    }

    public static Region lca(Region a, Region b) {
        for (Region x = a; x != null; x = x.parent) {
            if (x.contains(b)) {
                return x;
            }
        }
        throw new IllegalStateException("regions without a common ancestor");
    }
}
