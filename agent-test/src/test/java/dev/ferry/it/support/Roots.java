package dev.ferry.it.support;

/**
 * The objects a scenario's writer serializes, each with its own {@code writeObject} call, in order. Only the writer
 * calls it: the reader gets its objects from the stream.
 */
@FunctionalInterface
public interface Roots {
    Object[] create() throws Exception;
}
