package dev.ferry.it.attach;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A long-running application started without Ferry: it loads {@link Early}, prints {@code READY}, then obeys commands
 * on its standard input until that ends.
 *
 * <p>{@code write <dir>}: writes a lambda made by {@link Early} to {@code <dir>/early.ser} and one made by
 * {@link Late} (loaded now, at the first command) to {@code <dir>/late.ser} with a plain {@link ObjectOutputStream};
 * prints {@code EARLY WRITTEN} or {@code EARLY FAILED <exception>}, the same for {@code LATE}, then {@code DONE}.
 */
public final class AttachTarget {

    private AttachTarget() {
    }

    public static void main(String[] args) throws IOException {
        Early.loaded();
        System.out.println("READY");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null; command = commands.readLine()) {
            if (command.startsWith("write ")) {
                Path directory = Path.of(command.substring("write ".length()));
                System.out.println("EARLY " + write(() -> Early.adder(5), directory.resolve("early.ser")));
                System.out.println("LATE " + write(() -> Late.greeter("ahoy"), directory.resolve("late.ser")));
                System.out.println("DONE");
            } else {
                System.out.println("UNKNOWN " + command);
            }
        }
    }

    private static String write(Supplier<Object> lambda, Path file) {
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(lambda.get());
            return "WRITTEN";
        } catch (IOException | RuntimeException e) {
            return "FAILED " + e;
        }
    }
}
