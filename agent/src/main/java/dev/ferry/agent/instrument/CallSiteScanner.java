package dev.ferry.agent.instrument;

import dev.ferry.agent.classfile.ClassFile;
import dev.ferry.agent.classfile.ConstantPool;
import dev.ferry.boot.lambda.CallSiteTables;
import dev.ferry.boot.lambda.SymbolicCallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandleInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a class file's lambda call sites into its call-site table: every {@code InvokeDynamic} constant bootstrapped
 * by {@code LambdaMetafactory.metafactory}, or by a non-serializable {@code altMetafactory} (javac uses it for marker
 * interfaces and bridges too), in constant-pool order, is one of Ferry's call sites, its index its position in that
 * order; javac's serializable call sites are listed apart, by their {@code SerializedLambda} key, because they keep
 * the JDK's serial form. Writer and reader read the same class file the same way, so an index names the same call site
 * on both sides. Reads the constant pool and the {@code BootstrapMethods} attribute only; no method body.
 */
final class CallSiteScanner {

    static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    private CallSiteScanner() {
    }

    /**
     * The encoded table ({@link CallSiteTables#encode}), or null when the class has no call site of Ferry's.
     *
     * @throws ClassFormatError when the class file cannot be read
     */
    static byte[] table(byte[] bytes) {
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
        return sites.isEmpty() ? null : CallSiteTables.encode(sites, javacKeys);
    }

    private static final int NOT_A_LAMBDA = 0;
    private static final int FERRY = 1;
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
            return FERRY;
        }
        if (!"altMetafactory".equals(name) || entry.arguments().length < 4) {
            return NOT_A_LAMBDA;
        }
        int flags = pool.integer(entry.arguments()[3]);
        return (flags & LambdaMetafactory.FLAG_SERIALIZABLE) != 0 ? JAVAC_SERIALIZABLE : FERRY;
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
}
