package io.asyncj;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body the asyncj annotation processor rewrites, at compile time, into a
 * resumable state machine.
 *
 * <p>The method must be declared to return {@code io.asyncj.Coroutine<T>}, must have a body (not
 * abstract, not native), and returns its value with {@code return completed(value);}. Calling it
 * runs none of its body: it returns a cold coroutine, which runs when it is awaited, scheduled with
 * {@code createTask}, or passed to {@code run}. Inside the body, {@code await(x)} and
 * {@code x.await()} are the suspension points.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Async {}
