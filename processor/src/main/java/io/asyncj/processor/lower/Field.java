package io.asyncj.processor.lower;

/** A field of the state machine: a hoisted local, a spilled temporary, or bookkeeping. */
public record Field(String type, String name, boolean parameter, String comment) {}
