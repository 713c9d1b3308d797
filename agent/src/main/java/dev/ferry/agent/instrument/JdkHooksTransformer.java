package dev.ferry.agent.instrument;

import dev.ferry.agent.classfile.ClassFile;
import dev.ferry.agent.classfile.ClassFilePatch;
import dev.ferry.agent.classfile.Instructions;
import dev.ferry.boot.diagnostics.AgentCounters;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ferry's hooks in the JDK: each replaces one call instruction in one JDK method by a call of a static method of
 * Ferry's runtime that takes the same arguments, does Ferry's part and then the replaced call. An instruction swap of
 * equal length and stack effect, so it works when loading and by retransformation alike, changes no method body's
 * shape, and needs no bytecode library on the start-up path.
 * <ul>
 *   <li>{@code ObjectOutputStream}: {@code writeObject0}'s {@code invokeWriteReplace}, {@code writeNonProxyDesc}'s
 *       {@code annotateClass}, {@code writeProxyDesc}'s {@code annotateProxyClass};</li>
 *   <li>{@code ObjectInputStream}: {@code readNonProxyDesc}'s {@code resolveClass}, {@code readProxyDesc}'s
 *       {@code resolveProxyClass} ({@code dev.ferry.boot.wire.StreamHooks});</li>
 *   <li>{@code ManagementFactory.getPlatformMBeanServer}'s {@code MBeanServerFactory.createMBeanServer}
 *       ({@code dev.ferry.boot.diagnostics.PlatformMBeanServerHook}).</li>
 * </ul>
 * A JDK whose method does not hold exactly one such call is left untouched for that class, and the failure counted.
 */
public final class JdkHooksTransformer implements ClassFileTransformer {

    private static final String HOOKS = "dev/ferry/boot/wire/StreamHooks";
    private static final String INPUT = "java/io/ObjectInputStream";
    private static final String OUTPUT = "java/io/ObjectOutputStream";
    private static final String DESCRIPTOR = "java/io/ObjectStreamClass";
    static final String MANAGEMENT_FACTORY = "java/lang/management/ManagementFactory";

    /** One call to redirect: in {@code method}, the call of {@code target} becomes a call of {@code hook}. */
    private record Redirect(String method, String methodDescriptor, int opcode, String targetOwner,
            String targetName, String targetDescriptor, String hookOwner, String hookName, String hookDescriptor) {
    }

    private static final Map<String, List<Redirect>> REDIRECTS = redirects();
    private static final String HOOKED_NOW = "hooked";

    /** The internal names of the JDK classes this transformer changes. */
    public static final Set<String> HOOKED = Set.copyOf(REDIRECTS.keySet());

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
                        "(Ljava/io/ObjectInputStream;[Ljava/lang/String;)Ljava/lang/Class;")));
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

    /** @param hooked which of {@link #HOOKED} to change (the management hook only when JMX registration is on) */
    public JdkHooksTransformer(Set<String> hooked) {
        this.hooked = Set.copyOf(hooked);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (loader != null || className == null || !hooked.contains(className)) {
            return null;
        }
        try {
            byte[] hookedBytes = redirect(classFile, REDIRECTS.get(className));
            outcomes.put(className, HOOKED_NOW);
            return hookedBytes;
        } catch (Throwable failure) {
            outcomes.put(className, String.valueOf(failure));
            AgentCounters.transformFailed(className.replace('/', '.'), failure);
            return null;
        }
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
        for (String stream : List.of(INPUT, OUTPUT)) {
            if (!hasHooked(stream)) {
                String why = outcomes.get(stream);
                throw new IllegalStateException("Ferry cannot hook this JDK's " + stream.replace('/', '.') + ": "
                        + (why == null ? "it was not handed to Ferry's transformer" : why));
            }
        }
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
