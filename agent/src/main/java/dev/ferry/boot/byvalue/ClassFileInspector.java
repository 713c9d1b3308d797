package dev.ferry.boot.byvalue;

/**
 * Reads {@link ClassFacts} from class bytes. The runtime uses {@code java.base} only, so the implementation (with ASM)
 * lives in the agent's own loader and is installed at start-up.
 */
public interface ClassFileInspector {

    /** @throws IllegalArgumentException when the bytes are not a class file this inspector can read */
    ClassFacts inspect(byte[] classFile);
}
