package dev.ferry.it.support;

/**
 * Uses a scenario's objects and describes what they did in one line. The writer runs it on the objects it wrote (after
 * writing them: a probe may change them), the reader on the objects it read, and the two lines must be equal; so a
 * probe must say the same in every JVM and JDK for the same state: no identity hash codes, no generated class names,
 * no unordered collections.
 */
@FunctionalInterface
public interface Probe {
    String describe(Object[] roots) throws Exception;
}
