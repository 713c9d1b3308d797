package dev.ferry.agent.instrument;

import dev.ferry.boot.lambda.SymbolicCallSite;
import java.lang.invoke.LambdaMetafactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites each {@code invokedynamic} of a class whose bootstrap is {@code LambdaMetafactory.metafactory} or a
 * non-serializable {@code altMetafactory} (javac uses it for marker interfaces and bridges too) to link through
 * {@code dev.ferry.boot.lambda.LambdaBootstrap}, and collects the class's call-site table.
 *
 * <p>Serializable call sites ({@code FLAG_SERIALIZABLE}) are left exactly as javac wrote them: they keep the JDK's
 * serial form, which readers without Ferry understand, and javac's {@code $deserializeLambda$} keeps serving them.
 * Only {@code invokedynamic} operands change, never the stack shape, so frames and maxima are copied as they are.
 *
 * <p>A class loaded for the first time also gets a {@code $deserializeLambda$} gate ({@link DeserializeLambdaGate});
 * a retransformed one cannot get new methods (JVMTI), and keeps what it had.
 */
final class LambdaCallSiteRewriter extends ClassVisitor {

    static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final Handle FERRY_BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC,
            "dev/ferry/boot/lambda/LambdaBootstrap", "metafactory",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;",
            false);

    private final List<SymbolicCallSite> sites = new ArrayList<>();
    private final boolean mayAddMethods;
    private String className;
    private boolean isInterface;
    private boolean javacDeserializer;

    private LambdaCallSiteRewriter(ClassVisitor next, boolean mayAddMethods) {
        super(Opcodes.ASM9, next);
        this.mayAddMethods = mayAddMethods;
    }

    /**
     * The rewritten class, or null when it has no call site to prepare.
     *
     * @param mayAddMethods false when the class is being retransformed
     */
    static Result rewrite(byte[] classFile, boolean mayAddMethods) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        LambdaCallSiteRewriter rewriter = new LambdaCallSiteRewriter(writer, mayAddMethods);
        reader.accept(rewriter, 0);
        if (rewriter.sites.isEmpty()) {
            return null;
        }
        return new Result(writer.toByteArray(), rewriter.sites.toArray(new SymbolicCallSite[0]));
    }

    /** A prepared class file and its call-site table. */
    static final class Result {
        final byte[] classFile;
        final SymbolicCallSite[] sites;

        Result(byte[] classFile, SymbolicCallSite[] sites) {
            this.classFile = classFile;
            this.sites = sites;
        }
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
            String[] interfaces) {
        className = name;
        isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        String written = name;
        if (mayAddMethods && DeserializeLambdaGate.isJavacDeserializer(name, descriptor)) {
            javacDeserializer = true;
            written = DeserializeLambdaGate.JAVAC_DESERIALIZER_RENAMED;
        }
        MethodVisitor next = super.visitMethod(access, written, descriptor, signature, exceptions);
        return new MethodVisitor(Opcodes.ASM9, next) {
            @Override
            public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap,
                    Object... arguments) {
                Object[] rewritten = prepare(name, indyName, indyDescriptor, bootstrap, arguments);
                if (rewritten == null) {
                    super.visitInvokeDynamicInsn(indyName, indyDescriptor, bootstrap, arguments);
                } else {
                    super.visitInvokeDynamicInsn(indyName, indyDescriptor, FERRY_BOOTSTRAP, rewritten);
                }
            }
        };
    }

    @Override
    public void visitEnd() {
        if (mayAddMethods && !sites.isEmpty()) {
            DeserializeLambdaGate.add(cv, className, isInterface, javacDeserializer);
        }
        super.visitEnd();
    }

    private Object[] prepare(String enclosingMethod, String samName, String factoryDescriptor, Handle bootstrap,
            Object[] arguments) {
        if (!LAMBDA_METAFACTORY.equals(bootstrap.getOwner()) || arguments.length < 3) {
            return null;
        }
        int flags;
        if ("metafactory".equals(bootstrap.getName())) {
            flags = 0;
        } else if ("altMetafactory".equals(bootstrap.getName())) {
            flags = (Integer) arguments[3];
            if ((flags & LambdaMetafactory.FLAG_SERIALIZABLE) != 0) {
                return null;
            }
        } else {
            return null;
        }
        Object[] extra = flags == 0 ? new Object[0] : Arrays.copyOfRange(arguments, 4, arguments.length);
        Handle implementation = (Handle) arguments[1];
        SymbolicCallSite site = SymbolicCallSite.of(sites.size(), enclosingMethod, samName, factoryDescriptor,
                ((Type) arguments[0]).getDescriptor(), implementation.getTag(), implementation.getOwner(),
                implementation.getName(), implementation.getDesc(), ((Type) arguments[2]).getDescriptor(),
                extras(flags, LambdaMetafactory.FLAG_MARKERS, extra, Type::getInternalName),
                extras(flags, LambdaMetafactory.FLAG_BRIDGES, extra, Type::getDescriptor));
        sites.add(site);
        Object[] rewritten = new Object[7 + extra.length];
        System.arraycopy(arguments, 0, rewritten, 0, 3);
        rewritten[3] = site.index();
        rewritten[4] = site.hash();
        rewritten[5] = enclosingMethod;
        rewritten[6] = flags;
        System.arraycopy(extra, 0, rewritten, 7, extra.length);
        return rewritten;
    }

    /**
     * The marker or bridge types of an altMetafactory argument tail ({@code [markerCount, markers...][bridgeCount,
     * bridges...]}, each part present when its flag is set).
     */
    private static List<String> extras(int flags, int wanted, Object[] tail, java.util.function.Function<Type,
            String> name) {
        int at = 0;
        List<String> found = new ArrayList<>();
        for (int flag : new int[] {LambdaMetafactory.FLAG_MARKERS, LambdaMetafactory.FLAG_BRIDGES}) {
            if ((flags & flag) == 0) {
                continue;
            }
            int count = (Integer) tail[at++];
            for (int i = 0; i < count; i++, at++) {
                if (flag == wanted) {
                    found.add(name.apply((Type) tail[at]));
                }
            }
        }
        return found;
    }
}
