package dev.ferry.agent.instrument;

import dev.ferry.agent.classfile.ClassFile;
import dev.ferry.agent.classfile.ClassFilePatch;
import dev.ferry.agent.classfile.Instructions;
import dev.ferry.boot.diagnostics.AgentCounters;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ferry's hooks in the JDK, the only classes Ferry changes. Most replace one call instruction in one JDK method by a
 * call of a static method of Ferry's runtime that takes the same arguments, does Ferry's part and then the replaced
 * call: an instruction swap of equal length and stack effect, which changes no method body's shape and needs no
 * bytecode library on the start-up path.
 * <ul>
 *   <li>{@code ObjectOutputStream}: {@code writeObject0}'s {@code invokeWriteReplace}, {@code writeNonProxyDesc}'s
 *       {@code annotateClass}, {@code writeProxyDesc}'s {@code annotateProxyClass};</li>
 *   <li>{@code ObjectInputStream}: {@code readNonProxyDesc}'s {@code resolveClass}, {@code readProxyDesc}'s
 *       {@code resolveProxyClass}, {@code readOrdinaryObject}'s {@code invokeReadResolve}
 *       ({@code dev.ferry.boot.wire.StreamHooks});</li>
 *   <li>{@code LambdaMetafactory} ({@code dev.ferry.boot.lambda.LambdaLinking}): {@code metafactory}'s body becomes
 *       a call of Ferry's method of the same signature, and in {@code altMetafactory} the null checks of its factory
 *       type and arguments, {@code Objects.requireNonNull(factoryType); Objects.requireNonNull(args);}, become
 *       {@code args = LambdaLinking.arguments(caller, factoryType, args);} in the same ten bytes (the method's line
 *       numbers still start at instructions);</li>
 *   <li>{@code ManagementFactory.getPlatformMBeanServer}'s {@code MBeanServerFactory.createMBeanServer}
 *       ({@code dev.ferry.boot.diagnostics.PlatformMBeanServerHook}).</li>
 * </ul>
 * A JDK whose method is not as expected is left untouched for that class, and the failure counted. The transformer is
 * not retransformation-capable: the JVM keeps the hooked bytes as the class's own, so another agent's retransformation
 * starts from them and keeps the hooks, and Ferry's transformer can be removed once every hooked class is loaded.
 */
public final class JdkHooksTransformer implements ClassFileTransformer {

    private static final String HOOKS = "dev/ferry/boot/wire/StreamHooks";
    private static final String INPUT = "java/io/ObjectInputStream";
    private static final String OUTPUT = "java/io/ObjectOutputStream";
    private static final String DESCRIPTOR = "java/io/ObjectStreamClass";
    static final String MANAGEMENT_FACTORY = "java/lang/management/ManagementFactory";
    static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final String LINKING = "dev/ferry/boot/lambda/LambdaLinking";
    private static final String METAFACTORY_DESCRIPTOR = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;"
            + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;";
    private static final String ALT_METAFACTORY_DESCRIPTOR = "(Ljava/lang/invoke/MethodHandles$Lookup;"
            + "Ljava/lang/String;Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;";
    private static final String ARGUMENTS_DESCRIPTOR = "(Ljava/lang/invoke/MethodHandles$Lookup;"
            + "Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)[Ljava/lang/Object;";

    /** One call to redirect: in {@code method}, the call of {@code target} becomes a call of {@code hook}. */
    private record Redirect(String method, String methodDescriptor, int opcode, String targetOwner,
            String targetName, String targetDescriptor, String hookOwner, String hookName, String hookDescriptor) {
    }

    private static final Map<String, List<Redirect>> REDIRECTS = redirects();
    private static final String HOOKED_NOW = "hooked";

    /** The internal names of the JDK classes this transformer changes: those with redirects, and LambdaMetafactory. */
    public static final Set<String> HOOKED = hooked();

    private static Set<String> hooked() {
        Set<String> hooked = new HashSet<>(REDIRECTS.keySet());
        hooked.add(LAMBDA_METAFACTORY);
        return Set.copyOf(hooked);
    }

    private static Map<String, List<Redirect>> redirects() {
        Map<String, List<Redirect>> redirects = new TreeMap<>();
        redirects.put(OUTPUT, List.of(
                new Redirect("writeObject0", "(Ljava/lang/Object;Z)V", Instructions.INVOKEVIRTUAL, DESCRIPTOR,
                        "invokeWriteReplace", "(Ljava/lang/Object;)Ljava/lang/Object;", HOOKS, "writeReplace",
                        "(Ljava/io/ObjectStreamClass;Ljava/lang/Object;)Ljava/lang/Object;"),
                new Redirect("writeNonProxyDesc", "(Ljava/io/ObjectStreamClass;Z)V", Instructions.INVOKEVIRTUAL,
                        OUTPUT, "annotateClass", "(Ljava/lang/Class;)V", HOOKS, "annotateClass",
                        "(Ljava/io/ObjectOutputStream;Ljava/lang/Class;)V"),
                new Redirect("writeProxyDesc", "(Ljava/io/ObjectStreamClass;Z)V", Instructions.INVOKEVIRTUAL,
                        OUTPUT, "annotateProxyClass", "(Ljava/lang/Class;)V", HOOKS, "annotateProxyClass",
                        "(Ljava/io/ObjectOutputStream;Ljava/lang/Class;)V")));
        redirects.put(INPUT, List.of(
                new Redirect("readNonProxyDesc", "(Z)Ljava/io/ObjectStreamClass;", Instructions.INVOKEVIRTUAL,
                        INPUT, "resolveClass", "(Ljava/io/ObjectStreamClass;)Ljava/lang/Class;", HOOKS,
                        "resolveClass", "(Ljava/io/ObjectInputStream;Ljava/io/ObjectStreamClass;)Ljava/lang/Class;"),
                new Redirect("readProxyDesc", "(Z)Ljava/io/ObjectStreamClass;", Instructions.INVOKEVIRTUAL, INPUT,
                        "resolveProxyClass", "([Ljava/lang/String;)Ljava/lang/Class;", HOOKS, "resolveProxyClass",
                        "(Ljava/io/ObjectInputStream;[Ljava/lang/String;)Ljava/lang/Class;"),
                new Redirect("readOrdinaryObject", "(Z)Ljava/lang/Object;", Instructions.INVOKEVIRTUAL, DESCRIPTOR,
                        "invokeReadResolve", "(Ljava/lang/Object;)Ljava/lang/Object;", HOOKS, "readResolve",
                        "(Ljava/io/ObjectStreamClass;Ljava/lang/Object;)Ljava/lang/Object;")));
        redirects.put(MANAGEMENT_FACTORY, List.of(
                new Redirect("getPlatformMBeanServer", "()Ljavax/management/MBeanServer;", Instructions.INVOKESTATIC,
                        "javax/management/MBeanServerFactory", "createMBeanServer", "()Ljavax/management/MBeanServer;",
                        "dev/ferry/boot/diagnostics/PlatformMBeanServerHook", "createMBeanServer",
                        "()Ljavax/management/MBeanServer;")));
        return redirects;
    }

    private final Set<String> hooked;
    /** What happened to each class this transformer was handed: null once hooked, else why it is not. */
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();

    private final boolean onRetransformation;

    /** @param hooked which of {@link #HOOKED} to change (the management hook only when JMX registration is on) */
    public JdkHooksTransformer(Set<String> hooked) {
        this(hooked, false);
    }

    /**
     * @param onRetransformation true to hook a class being retransformed too (a run recording a class-data archive,
     *     where the transformer stays and hooks the classes loaded before it by retransformation)
     */
    public JdkHooksTransformer(Set<String> hooked, boolean onRetransformation) {
        this.hooked = Set.copyOf(hooked);
        this.onRetransformation = onRetransformation;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (loader != null || className == null || classBeingRedefined != null && !onRetransformation
                || !hooked.contains(className)) {
            return null; // a redefinition (Ferry's own of a class loaded before it, or anyone's) keeps its bytes
        }
        try {
            byte[] hookedBytes = hook(className, classFile);
            outcomes.put(className, HOOKED_NOW);
            return hookedBytes;
        } catch (Throwable failure) {
            outcomes.put(className, String.valueOf(failure));
            AgentCounters.transformFailed(className.replace('/', '.'), failure);
            return null;
        }
    }

    /**
     * The JDK's class file {@code classFile} of {@code className} with Ferry's hooks.
     *
     * @throws IllegalStateException when a method is not as Ferry expects
     */
    public static byte[] hook(String className, byte[] classFile) {
        return LAMBDA_METAFACTORY.equals(className) ? linkThroughFerry(classFile)
                : redirect(classFile, REDIRECTS.get(className));
    }

    /** Records that Ferry hooked a class another way (by redefining it, when it was loaded before Ferry). */
    public void hooked(String internalName) {
        outcomes.put(internalName, HOOKED_NOW);
    }

    /** Records why Ferry could not hook a class. */
    public void notHooked(String internalName, Throwable why) {
        outcomes.put(internalName, String.valueOf(why));
        AgentCounters.transformFailed(internalName.replace('/', '.'), why);
    }

    /** Whether this transformer has hooked the class (internal name) as it was loaded or retransformed. */
    public boolean hasHooked(String internalName) {
        return HOOKED_NOW.equals(outcomes.get(internalName));
    }

    /**
     * Checks that both object streams are hooked: Ferry installs whole or not at all, rather than hooking one stream.
     *
     * @throws IllegalStateException naming the stream and why
     */
    public void checkStreamsHooked() {
        for (String stream : List.of(INPUT, OUTPUT, LAMBDA_METAFACTORY)) {
            if (!hasHooked(stream)) {
                String why = outcomes.get(stream);
                throw new IllegalStateException("Ferry cannot hook this JDK's " + stream.replace('/', '.') + ": "
                        + (why == null ? "it was not handed to Ferry's transformer" : why));
            }
        }
    }

    /**
     * {@code LambdaMetafactory} linking through {@code LambdaLinking}: {@code metafactory}'s body replaced by a call
     * of Ferry's method of the same signature; in {@code altMetafactory}, the ten bytes
     * {@code aload_2; invokestatic requireNonNull; pop; aload_3; invokestatic requireNonNull; pop} become
     * {@code aload_0; aload_2; aload_3; nop; nop; invokestatic LambdaLinking.arguments; astore_3; nop}: same length,
     * no branch, local 3 still an {@code Object[]}, and the old instructions' first offsets (where line numbers point)
     * still start instructions.
     */
    static byte[] linkThroughFerry(byte[] bytes) {
        ClassFile classFile = ClassFile.read(bytes);
        ClassFile.Method metafactory = classFile.method("metafactory", METAFACTORY_DESCRIPTOR);
        ClassFile.Method altMetafactory = classFile.method("altMetafactory", ALT_METAFACTORY_DESCRIPTOR);
        if (metafactory == null || altMetafactory == null) {
            throw new IllegalStateException(classFile.name() + " is not as Ferry expects: no metafactory or"
                    + " altMetafactory of the known signatures");
        }
        List<Integer> nullChecks = Instructions.find(classFile, altMetafactory, Instructions.INVOKESTATIC,
                "java/util/Objects", "requireNonNull", "(Ljava/lang/Object;)Ljava/lang/Object;");
        byte[] expected = {0x2C, 0, 0, 0, 0x57, 0x2D, 0, 0, 0, 0x57};
        int at = nullChecks.size() < 4 ? -1 : nullChecks.get(2) - 1;
        if (at < 0 || nullChecks.get(3) != at + 6 || !matches(bytes, at, expected)) {
            throw new IllegalStateException(classFile.name() + " is not as Ferry expects: altMetafactory does not"
                    + " begin by checking its factory type and arguments for null");
        }
        ClassFilePatch patch = new ClassFilePatch(classFile);
        int linking = patch.classConstant(LINKING);
        int arguments = patch.methodReference(linking, patch.nameAndType("arguments", ARGUMENTS_DESCRIPTOR), false);
        patch.overwrite(at, (byte) 0x2A, (byte) 0x2C, (byte) 0x2D, (byte) 0x00, (byte) 0x00,
                (byte) Instructions.INVOKESTATIC, (byte) (arguments >>> 8), (byte) arguments, (byte) 0x4E, (byte) 0x00);
        int metafactoryHook = patch.methodReference(linking,
                patch.nameAndType("metafactory", METAFACTORY_DESCRIPTOR), false);
        patch.replaceCode(metafactory, 6, 6, new byte[] {0x2A, 0x2B, 0x2C, 0x2D, 0x19, 4, 0x19, 5,
            (byte) Instructions.INVOKESTATIC, (byte) (metafactoryHook >>> 8), (byte) metafactoryHook, (byte) 0xB0});
        return patch.toBytes();
    }

    /** Whether {@code bytes} hold {@code expected} at {@code at}, where a 0 in {@code expected} matches any byte. */
    private static boolean matches(byte[] bytes, int at, byte[] expected) {
        if (at + expected.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != 0 && bytes[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** @throws IllegalStateException when a method does not hold exactly one call to redirect */
    static byte[] redirect(byte[] bytes, List<Redirect> redirects) {
        ClassFile classFile = ClassFile.read(bytes);
        ClassFilePatch patch = new ClassFilePatch(classFile);
        List<String> missing = new ArrayList<>();
        for (Redirect redirect : redirects) {
            ClassFile.Method method = classFile.method(redirect.method(), redirect.methodDescriptor());
            List<Integer> calls = method == null ? List.of() : Instructions.find(classFile, method,
                    redirect.opcode(), redirect.targetOwner(), redirect.targetName(), redirect.targetDescriptor());
            if (calls.size() != 1) {
                missing.add(redirect.method() + " calls " + redirect.targetName() + " " + calls.size() + " times");
                continue;
            }
            int hook = patch.methodReference(patch.classConstant(redirect.hookOwner()),
                    patch.nameAndType(redirect.hookName(), redirect.hookDescriptor()), false);
            Instructions.replaceWithStatic(patch, calls.get(0), hook);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(classFile.name() + " is not as Ferry expects: " + missing);
        }
        return patch.toBytes();
    }
}
