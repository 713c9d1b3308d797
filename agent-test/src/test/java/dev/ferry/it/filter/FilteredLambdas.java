package dev.ferry.it.filter;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * {@code write FILE}: writes a lambda capturing an int, then one capturing an {@link ArrayList}, in one stream.
 * {@code read FILE}: reads the first and prints {@code FIRST <result>} or {@code FIRST <exception>}; if that worked,
 * does the same for the second. Run by {@link SerialFilterIT} under different {@code jdk.serialFilter}s.
 */
public final class FilteredLambdas {

    private FilteredLambdas() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("write")) {
            int k = 3;
            List<String> list = new ArrayList<>(List.of("x"));
            IntUnaryOperator addK = x -> x + k;
            Supplier<Integer> size = () -> list.size();
            try (ObjectOutputStream out = new ObjectOutputStream(new FileOutputStream(args[1]))) {
                out.writeObject(addK);
                out.writeObject(size);
            }
            return;
        }
        try (ObjectInputStream in = new ObjectInputStream(new FileInputStream(args[1]))) {
            System.out.println("FIRST " + ((IntUnaryOperator) in.readObject()).applyAsInt(1));
            System.out.println("SECOND " + ((Supplier<?>) in.readObject()).get());
        } catch (Exception e) {
            System.out.println("REFUSED " + e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
