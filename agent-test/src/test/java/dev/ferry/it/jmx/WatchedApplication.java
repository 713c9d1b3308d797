package dev.ferry.it.jmx;

import dev.ferry.it.support.Streams;
import java.io.InvalidClassException;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * The application an operator watches over JMX: with Ferry and a key, it round-trips {@value #LAMBDAS} lambdas and
 * one object of a generated class, has one tampered stream refused, prints the generated class's name and
 * {@code READY}, and runs until its standard input closes.
 */
public final class WatchedApplication {

    static final int LAMBDAS = 3;
    static final String READY = "READY";
    static final String GENERATED = "GENERATED ";

    private WatchedApplication() {
    }

    public static void main(String[] args) throws Exception {
        int k = 5;
        IntUnaryOperator add = x -> x + k;
        Supplier<String> hello = () -> "hello";
        IntUnaryOperator twice = x -> 2 * x;
        Object[] lambdas = Streams.read(Streams.write(add, hello, twice), LAMBDAS);
        check(((IntUnaryOperator) lambdas[0]).applyAsInt(1) == 6, "the lambda read back works");

        Class<? extends Watched> generated = new ByteBuddy(ClassFileVersion.JAVA_V17).subclass(Watched.class)
                .method(ElementMatchers.named("name")).intercept(FixedValue.value("generated"))
                .make().load(WatchedApplication.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
        byte[] stream = Streams.write(generated.getConstructor().newInstance());
        Watched copy = (Watched) Streams.readOne(stream);
        check(copy.name().equals("generated") && copy.getClass() != generated, "Ferry materialized its own copy");

        stream[indexOfMagic(stream) + 12] ^= 0x01;
        try {
            Streams.readOne(stream);
            check(false, "a tampered stream is refused");
        } catch (InvalidClassException expected) {
            // counted as an integrity refusal
        }
        System.out.println(GENERATED + generated.getName());
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the test closes standard input
        }
    }

    private static int indexOfMagic(byte[] stream) {
        for (int i = 0; i + 3 < stream.length; i++) {
            if ((stream[i] & 0xFF) == 0xCA && (stream[i + 1] & 0xFF) == 0xFE && (stream[i + 2] & 0xFF) == 0xBA
                    && (stream[i + 3] & 0xFF) == 0xBE) {
                return i;
            }
        }
        throw new IllegalStateException("no class bytes in the stream");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("failed: " + what);
        }
    }
}
