package dev.ferry.samples.lambdas;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Function;

/**
 * The problem Ferry solves, in one line: started without the agent, it writes one of the demo's lambdas to a plain
 * {@link ObjectOutputStream} and prints the exception it gets (normally {@code java.io.NotSerializableException}).
 *
 * <p>The {@link Driver} runs it as a separate JVM, because an agent cannot be detached from a running one.
 */
public final class WithoutFerry {

    private WithoutFerry() {
    }

    public static void main(String[] args) {
        Function<String, Map<String, Long>> wordCount = Tasks.wordCount();
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(wordCount);
            System.out.println("no exception: " + wordCount.getClass().getName()
                    + " was written (is an agent attached through JAVA_TOOL_OPTIONS?)");
        } catch (IOException e) {
            System.out.println(e);
        }
    }
}
