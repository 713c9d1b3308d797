package dev.ferry.it.byvalue;

import java.io.Serializable;

/** The class-path interface of the rules compiled in memory with {@code javax.tools}. */
public interface Rule extends Serializable {

    boolean test(int value);
}
