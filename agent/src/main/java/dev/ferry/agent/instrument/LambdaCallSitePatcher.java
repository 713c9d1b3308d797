package dev.ferry.agent.instrument;

import dev.ferry.agent.classfile.ClassFile;
import dev.ferry.agent.classfile.ClassFilePatch;
import dev.ferry.agent.classfile.ConstantPool;
import dev.ferry.boot.lambda.CallSiteTables;
import dev.ferry.boot.lambda.SymbolicCallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandleInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares a class's lambda call sites with a constant-pool edit: each {@code BootstrapMethods} entry that bootstraps
 * through {@code LambdaMetafactory.metafactory}, or through a non-serializable {@code altMetafactory} (javac uses it
 * for marker interfaces and bridges too), is pointed at Ferry's bootstrap method of the same name and descriptor
 * ({@code dev.ferry.boot.lambda.LambdaBootstrap}). No instruction changes, so no frame, offset or maximum does; javac's
 * serializable call sites keep the JDK's bootstrap, and so the JDK's serial form, which readers without Ferry read.
 *
 * <p>The class's call sites (every {@code InvokeDynamic} constant bootstrapped by {@code LambdaMetafactory}, in
 * constant-pool order) become its call-site table. A class being loaded also gets a {@code $deserializeLambda$} gate
 * that refuses {@code SerializedLambda}s javac did not compile into it; javac's own method, when the class has one,
 * is renamed {@code $deserializeLambda$javac} and chained ({@code dev.ferry.boot.lambda.SerializedLambdaGate}).
 */
final class LambdaCallSitePatcher {

    static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final String FERRY_BOOTSTRAP = "dev/ferry/boot/lambda/LambdaBootstrap";
    private static final String GATE = "dev/ferry/boot/lambda/SerializedLambdaGate";
    private static final String DESERIALIZER = "$deserializeLambda$";
    static final String JAVAC_DESERIALIZER = "$deserializeLambda$javac";
    private static final String DESERIALIZER_DESCRIPTOR = "(Ljava/lang/invoke/SerializedLambda;)Ljava/lang/Object;";
    private static final int ACC_PRIVATE_STATIC_SYNTHETIC = 0x0002 | 0x0008 | 0x1000;

    private LambdaCallSitePatcher() {
    }

    /** A prepared class file and its call-site table. */
    static final class Result {
        final byte[] classFile;
        final byte[] table;
        final int sites;
        final boolean gated;

        Result(byte[] classFile, byte[] table, int sites, boolean gated) {
            this.classFile = classFile;
            this.table = table;
            this.sites = sites;
            this.gated = gated;
        }
    }

    /**
     * The prepared class, or null when it has no call site to prepare.
     *
     * @param addGate whether to add the {@code $deserializeLambda$} gate: only where the JVM allows adding methods
     *     (loading, or retransforming a class that got it when loaded)
     * @throws ClassFormatError when the class file cannot be read; the caller leaves the class untouched
     */
    static Result patch(byte[] bytes, boolean addGate) {
        ClassFile classFile = ClassFile.read(bytes);
        ConstantPool pool = classFile.pool();
        List<ClassFile.BootstrapMethod> bootstraps = classFile.bootstrapMethods();
        int[] kinds = new int[bootstraps.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = kind(pool, bootstraps.get(i));
        }
        List<SymbolicCallSite> sites = new ArrayList<>();
        List<String> javacKeys = new ArrayList<>();
        for (int constant = 1; constant < pool.count(); constant++) {
            if (pool.tag(constant) == ConstantPool.INVOKE_DYNAMIC) {
                int bootstrap = pool.invokeDynamicBootstrap(constant);
                if (kinds[bootstrap] == NOT_A_LAMBDA) {
                    continue;
                }
                SymbolicCallSite site = site(pool, constant, bootstraps.get(bootstrap), sites.size());
                if (kinds[bootstrap] == JAVAC_SERIALIZABLE) {
                    javacKeys.add(site.serializedKey());
                } else {
                    sites.add(site);
                }
            }
        }
        if (sites.isEmpty()) {
            return null;
        }
        ClassFilePatch patch = new ClassFilePatch(classFile);
        Map<Integer, Integer> ferryHandles = new HashMap<>();
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == PREPARED) {
                ClassFile.BootstrapMethod entry = bootstraps.get(i);
                Integer handle = ferryHandles.get(entry.handle());
                if (handle == null) {
                    handle = ferryHandle(patch, pool, entry.handle());
                    ferryHandles.put(entry.handle(), handle);
                }
                patch.overwriteU2(entry.offset(), handle);
            }
        }
        boolean gated = addGate && addGate(patch);
        return new Result(patch.toBytes(), CallSiteTables.encode(sites, javacKeys), sites.size(), gated);
    }

    private static final int NOT_A_LAMBDA = 0;
    private static final int PREPARED = 1;
    private static final int JAVAC_SERIALIZABLE = 2;

    private static int kind(ConstantPool pool, ClassFile.BootstrapMethod entry) {
        int handle = entry.handle();
        if (pool.tag(handle) != ConstantPool.METHOD_HANDLE || pool.handleKind(handle) != MethodHandleInfo.REF_invokeStatic) {
            return NOT_A_LAMBDA;
        }
        int method = pool.handleReference(handle);
        if (!LAMBDA_METAFACTORY.equals(pool.memberOwner(method)) || entry.arguments().length < 3) {
            return NOT_A_LAMBDA;
        }
        String name = pool.memberName(method);
        if ("metafactory".equals(name)) {
            return PREPARED;
        }
        if (!"altMetafactory".equals(name) || entry.arguments().length < 4) {
            return NOT_A_LAMBDA;
        }
        int flags = pool.integer(entry.arguments()[3]);
        return (flags & LambdaMetafactory.FLAG_SERIALIZABLE) != 0 ? JAVAC_SERIALIZABLE : PREPARED;
    }

    private static SymbolicCallSite site(ConstantPool pool, int constant, ClassFile.BootstrapMethod entry,
            int index) {
        int[] arguments = entry.arguments();
        int implementation = arguments[1];
        int reference = pool.handleReference(implementation);
        List<String> markers = new ArrayList<>();
        List<String> bridges = new ArrayList<>();
        if (arguments.length > 3) {
            int flags = pool.integer(arguments[3]);
            int at = 4;
            if ((flags & LambdaMetafactory.FLAG_MARKERS) != 0) {
                int count = pool.integer(arguments[at++]);
                for (int i = 0; i < count; i++) {
                    markers.add(pool.className(arguments[at++]));
                }
            }
            if ((flags & LambdaMetafactory.FLAG_BRIDGES) != 0) {
                int count = pool.integer(arguments[at++]);
                for (int i = 0; i < count; i++) {
                    bridges.add(pool.methodType(arguments[at++]));
                }
            }
        }
        return SymbolicCallSite.of(index, pool.invokeDynamicName(constant), pool.invokeDynamicDescriptor(constant),
                pool.methodType(arguments[0]), pool.handleKind(implementation), pool.memberOwner(reference),
                pool.memberName(reference), pool.memberDescriptor(reference), pool.methodType(arguments[2]), markers,
                bridges);
    }

    /** A {@code MethodHandle} constant on Ferry's bootstrap of the same name and descriptor as the JDK's one. */
    private static int ferryHandle(ClassFilePatch patch, ConstantPool pool, int jdkHandle) {
        int jdkMethod = pool.handleReference(jdkHandle);
        int ferryClass = patch.classConstant(FERRY_BOOTSTRAP);
        int method = patch.methodReference(ferryClass,
                patch.nameAndType(pool.memberName(jdkMethod), pool.memberDescriptor(jdkMethod)), false);
        return patch.methodHandle(MethodHandleInfo.REF_invokeStatic, method);
    }

    /**
     * Adds {@code private static synthetic Object $deserializeLambda$(SerializedLambda)}: straight-line code (no
     * branch, so no stack map) that hands the {@code SerializedLambda} to the gate, with javac's renamed method as a
     * constant method handle when there is one.
     *
     * @return false when the class already has a method of the renamed name (it was prepared before)
     */
    private static boolean addGate(ClassFilePatch patch) {
        ClassFile classFile = patch.classFile();
        if (classFile.method(JAVAC_DESERIALIZER, DESERIALIZER_DESCRIPTOR) != null) {
            return false;
        }
        ClassFile.Method javac = classFile.method(DESERIALIZER, DESERIALIZER_DESCRIPTOR);
        int gateClass = patch.classConstant(GATE);
        byte[] code;
        int maxStack;
        if (javac == null) {
            int refuse = patch.methodReference(gateClass, patch.nameAndType("refuse", DESERIALIZER_DESCRIPTOR), false);
            code = new byte[] {0x2A, (byte) 0xB8, (byte) (refuse >>> 8), (byte) refuse, (byte) 0xB0};
            maxStack = 1;
        } else {
            patch.rename(javac, JAVAC_DESERIALIZER);
            int renamed = patch.methodReference(classFile.thisClassIndex(),
                    patch.nameAndType(JAVAC_DESERIALIZER, DESERIALIZER_DESCRIPTOR), classFile.isInterface());
            int handle = patch.methodHandle(MethodHandleInfo.REF_invokeStatic, renamed);
            int chain = patch.methodReference(gateClass, patch.nameAndType("chain",
                    "(Ljava/lang/invoke/SerializedLambda;Ljava/lang/invoke/MethodHandle;)Ljava/lang/Object;"), false);
            code = new byte[] {0x2A, 0x13, (byte) (handle >>> 8), (byte) handle, (byte) 0xB8, (byte) (chain >>> 8),
                (byte) chain, (byte) 0xB0};
            maxStack = 2;
        }
        patch.addMethod(methodInfo(patch.utf8(DESERIALIZER), patch.utf8(DESERIALIZER_DESCRIPTOR),
                patch.utf8("Code"), maxStack, code));
        return true;
    }

    private static byte[] methodInfo(int name, int descriptor, int codeAttribute, int maxStack, byte[] code) {
        int attributeLength = 2 + 2 + 4 + code.length + 2 + 2;
        java.nio.ByteBuffer info = java.nio.ByteBuffer.allocate(8 + 6 + attributeLength);
        info.putShort((short) ACC_PRIVATE_STATIC_SYNTHETIC).putShort((short) name).putShort((short) descriptor)
                .putShort((short) 1);
        info.putShort((short) codeAttribute).putInt(attributeLength);
        info.putShort((short) maxStack).putShort((short) 1).putInt(code.length).put(code);
        info.putShort((short) 0).putShort((short) 0); // no exception table, no attributes
        return info.array();
    }
}
