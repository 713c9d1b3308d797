package dev.ferry.samples.specialized;

import dev.ferry.samples.process.JavaProcess;
import dev.ferry.samples.process.Wire;
import dev.ferry.samples.specialized.library.Box;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.time.Duration;
import java.util.List;

/**
 * The problem Ferry solves, in one line: started without the agent, it writes a {@code Box<Integer>} with a plain
 * {@link java.io.ObjectOutputStream}, has another JVM without the agent read it, and prints what that JVM printed
 * (normally {@code java.lang.ClassNotFoundException}: the reader never generated a class of that name).
 *
 * <p>The {@link Driver} runs it as a separate JVM, because an agent cannot be detached from a running one; it runs
 * the reader as {@code WithoutFerry read}, the bytes on its standard input.
 */
public final class WithoutFerry {

    private static final Duration READER_TIMEOUT = Duration.ofSeconds(30);

    private WithoutFerry() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("read")) {
            read();
            return;
        }
        byte[] written = Wire.frameOf(Box.of(Integer.class).set(42));
        System.out.println(JavaProcess.outputOf(JavaProcess.builder(List.of(),
                System.getProperty("java.class.path"), WithoutFerry.class, "read"), written, READER_TIMEOUT));
    }

    /** Reads one object from standard input and prints it, or the exception reading it threw. */
    private static void read() {
        try (ObjectInputStream in = new ObjectInputStream(System.in)) {
            Object read = in.readObject();
            System.out.println("no exception: " + read + " was read (is an agent attached through"
                    + " JAVA_TOOL_OPTIONS?)");
        } catch (ClassNotFoundException | IOException e) {
            System.out.println(e);
        }
    }
}
