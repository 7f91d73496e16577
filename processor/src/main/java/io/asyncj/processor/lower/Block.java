package io.asyncj.processor.lower;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One state of the machine: straight-line code that starts at a {@code case} label and ends in a
 * jump, a return, a throw, or a fall-through into the next state (after an {@code $await} that
 * did not suspend).
 */
public final class Block {
    final int id;
    final Region region;
    final Text code = new Text();
    /** Unconditional successor rendered at the end (a fall-through when it is laid out next). */
    Block next;
    boolean terminated;
    boolean placed;
    /** Original offset and first line of the user statement this state starts in, for comments. */
    int commentPos = -1;
    String comment;
    /** Where in {@link #code} the {@code return;} of its closing {@code $await} starts, or -1. */
    int awaitAt = -1;
    /** The state its closing {@code $await} resumes at. */
    Block awaitTarget;
    /** The temporaries of the statements being lowered at its await: the only ones the await saves. */
    Set<String> liveTemps = Set.of();
    int awaitEnd;
    int awaitPos;
    /** Local symbols this block reads or writes (decides which locals become fields). */
    final Set<Object> touched = new LinkedHashSet<>();

    Block(int id, Region region) {
        this.id = id;
        this.region = region;
    }

    public int id() {
        return id;
    }

    public Region region() {
        return region;
    }

    public Text code() {
        return code;
    }

    public Block next() {
        return next;
    }

    public String comment() {
        return comment;
    }

    public int commentPos() {
        return commentPos;
    }
}
