package dev.ferry.it.agents;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The other {@code -javaagent} beside Ferry, packed into a jar at test time ({@link AgentJars#secondAgent}), placed
 * before or after Ferry's on the command line. Its argument says what it does in {@code premain}:
 * <ul>
 *   <li>{@code keep}: only keeps the {@link Instrumentation}, for a program that redefines classes as a hot-reload tool
 *   does;</li>
 *   <li>{@code no-op}: also registers a retransformation-capable transformer that changes nothing and notes the
 *   classes of this package it saw being retransformed;</li>
 *   <li>{@code byte-buddy}: also installs {@link CargoAdvice}, an {@code AgentBuilder} with retransformation.</li>
 *   <li>{@code break-object-input-stream}: loads {@code java.io.ObjectInputStream}, then registers a
 *   retransformation-capable transformer that hands the JVM malformed bytes whenever that class is retransformed, so
 *   that Ferry, which retransforms it to hook it, fails to install after registering its transformers (the class
 *   itself stays as the JDK loaded it, and the application keeps working).</li>
 * </ul>
 */
public final class SecondAgent {

    private static volatile Instrumentation instrumentation;
    private static final List<String> RETRANSFORMATIONS_SEEN = new CopyOnWriteArrayList<>();

    private SecondAgent() {
    }

    public static void premain(String arguments, Instrumentation given) throws ClassNotFoundException {
        instrumentation = given;
        switch (arguments == null ? "keep" : arguments) {
            case "keep":
                break;
            case "no-op":
                given.addTransformer(new NoOpTransformer(), true);
                break;
            case "byte-buddy":
                CargoAdvice.install(given, CargoAdvice.premainRecording());
                break;
            case "break-object-input-stream":
                Class.forName("java.io.ObjectInputStream");
                given.addTransformer(new RetransformationBreaker("java/io/ObjectInputStream"), true);
                break;
            default:
                throw new IllegalArgumentException("unknown argument " + arguments);
        }
    }

    /** The instrumentation the JVM gave this agent. */
    public static Instrumentation instrumentation() {
        Instrumentation given = instrumentation;
        if (given == null) {
            throw new IllegalStateException("the second agent was not started (-javaagent:<second agent jar>)");
        }
        return given;
    }

    /** What the {@code byte-buddy} agent's listener heard. */
    public static CargoAdvice.Recording recording() {
        return CargoAdvice.premainRecording();
    }

    /** The classes of this package the {@code no-op} transformer saw retransformed, internal names. */
    public static List<String> retransformationsSeen() {
        return List.copyOf(RETRANSFORMATIONS_SEEN);
    }

    /** Changes nothing; notes the retransformations of this package's classes. */
    private static final class NoOpTransformer implements ClassFileTransformer {
        @Override
        public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                ProtectionDomain protectionDomain, byte[] classFile) {
            if (classBeingRedefined != null && className != null && className.startsWith("dev/ferry/it/agents/")) {
                RETRANSFORMATIONS_SEEN.add(className);
            }
            return null;
        }
    }

    /** Malformed bytes (a class file cut after its version) whenever one class is retransformed; nothing else. */
    private static final class RetransformationBreaker implements ClassFileTransformer {
        private final String broken;

        RetransformationBreaker(String broken) {
            this.broken = broken;
        }

        @Override
        public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                ProtectionDomain protectionDomain, byte[] classFile) {
            return classBeingRedefined != null && broken.equals(className) ? Arrays.copyOf(classFile, 8) : null;
        }
    }
}
