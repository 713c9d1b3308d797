package dev.ferry.it.streams;

import dev.ferry.it.streams.blocked.Contraband;
import dev.ferry.it.support.Failures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Forked JVM for {@link OverridingStreamsIT}. {@code write DIR KIND}: writes, with the {@code KIND} of output stream,
 * {@code cargo.bin} (a plain lambda of {@link Cargo} and an object of a Byte Buddy subclass of {@link Parcel}, by
 * value), {@code contraband-lambda.bin} and {@code contraband-parcel.bin} (the same shapes in the blocked package).
 * {@code read DIR KIND FILE...}: reads each file with the {@code KIND} of input stream and prints
 * {@code RESULT FILE ACCEPTED <what it gave>} or {@code RESULT FILE REFUSED <exception chain>}.
 */
public final class StreamsProgram {

    private StreamsProgram() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[1]);
        String kind = args[2];
        if (args[0].equals("write")) {
            Files.write(directory.resolve("cargo.bin"), write(kind, Cargo.shout("!"), parcel("dev.ferry.it.streams")));
            Files.write(directory.resolve("contraband-lambda.bin"), write(kind, Contraband.smuggled("tea")));
            Files.write(directory.resolve("contraband-parcel.bin"),
                    write(kind, parcel("dev.ferry.it.streams.blocked")));
            return;
        }
        for (int i = 3; i < args.length; i++) {
            System.out.println("RESULT " + args[i] + " " + read(kind, Files.readAllBytes(directory.resolve(args[i]))));
        }
    }

    private static Parcel parcel(String inPackage) throws ReflectiveOperationException {
        return new ByteBuddy(ClassFileVersion.JAVA_V17).subclass(Parcel.class).name(inPackage + ".Parcel$Generated")
                .method(ElementMatchers.named("label")).intercept(FixedValue.value("parcel from " + inPackage))
                .make().load(StreamsProgram.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded().getDeclaredConstructor().newInstance();
    }

    private static byte[] write(String kind, Object... objects) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = ApplicationStreams.writer(kind, bytes)) {
            for (Object object : objects) {
                out.writeObject(object);
            }
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static String read(String kind, byte[] bytes) {
        StringBuilder used = new StringBuilder();
        try (ObjectInputStream in = ApplicationStreams.reader(kind, new ByteArrayInputStream(bytes))) {
            while (true) {
                Object read;
                try {
                    read = in.readObject();
                } catch (java.io.EOFException end) {
                    break;
                }
                if (read instanceof Function) {
                    used.append(((Function<String, String>) read).apply("ahoy")).append("; ");
                } else if (read instanceof Supplier) {
                    used.append(((Supplier<String>) read).get()).append("; ");
                } else {
                    used.append(((Parcel) read).label()).append(" (").append(read.getClass().getClassLoader()
                            .getClass().getSimpleName()).append("); ");
                }
            }
            return "ACCEPTED " + used;
        } catch (Throwable refused) {
            return "REFUSED " + Failures.describeChain(refused);
        }
    }
}
