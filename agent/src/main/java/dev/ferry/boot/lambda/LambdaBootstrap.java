package dev.ferry.boot.lambda;

import dev.ferry.boot.diagnostics.AgentCounters;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.List;

/**
 * The bootstrap method every prepared lambda call site links through instead of {@code LambdaMetafactory}.
 *
 * <p>It defines one hidden class per call site (as the JDK does) that captures the values in fields and invokes the
 * implementation through a constant method handle, so capture and invocation cost what they cost without Ferry; the
 * class adds {@code writeReplace}, which turns the lambda into a portable recipe. If anything goes wrong here the
 * call site is linked by the JDK's own metafactory instead: the application keeps a working, if not portable, lambda.
 *
 * <p>Static arguments, as the transformer writes them: {@code samMethodType, implementation, instantiatedMethodType,
 * siteIndex, siteHash, enclosingMethod, flags[, markerCount, markers...][, bridgeCount, bridges...]} where flags are
 * {@code LambdaMetafactory.FLAG_MARKERS | FLAG_BRIDGES} as in {@code altMetafactory}.
 */
public final class LambdaBootstrap {

    private static final int FIRST_JDK_FLAG_ARGUMENT = 6;
    private static volatile LambdaClassSpinner spinner;

    private LambdaBootstrap() {
    }

    /** Installs the class writer; until then every call site is linked by the JDK. */
    public static void install(LambdaClassSpinner classSpinner) {
        spinner = classSpinner;
    }

    public static CallSite metafactory(MethodHandles.Lookup caller, String samName, MethodType factoryType,
            Object... args) throws Throwable {
        LambdaClassSpinner classSpinner = spinner;
        if (classSpinner != null) {
            try {
                return link(caller, classSpinner, site(caller, samName, factoryType, args));
            } catch (Throwable failure) {
                AgentCounters.linkFailed(caller.lookupClass().getName(), failure);
            }
        }
        return LambdaMetafactory.altMetafactory(caller, samName, factoryType, jdkArguments(args));
    }

    private static LambdaSite site(MethodHandles.Lookup caller, String samName, MethodType factoryType,
            Object[] args) {
        MethodType samType = (MethodType) args[0];
        MethodHandle implementation = (MethodHandle) args[1];
        MethodType instantiatedType = (MethodType) args[2];
        int flags = (Integer) args[6];
        int next = 7;
        Class<?>[] markers = new Class<?>[0];
        if ((flags & LambdaMetafactory.FLAG_MARKERS) != 0) {
            int count = (Integer) args[next++];
            markers = Arrays.copyOfRange(args, next, next + count, Class[].class);
            next += count;
        }
        MethodType[] bridges = new MethodType[0];
        if ((flags & LambdaMetafactory.FLAG_BRIDGES) != 0) {
            int count = (Integer) args[next++];
            bridges = Arrays.copyOfRange(args, next, next + count, MethodType[].class);
        }
        MethodHandleInfo info = caller.revealDirect(implementation);
        String implementationName = info.getDeclaringClass().getName() + "." + info.getName();
        return new LambdaSite(caller.lookupClass(), (Integer) args[3], (Integer) args[4], (String) args[5],
                implementationName, samName, factoryType, samType, instantiatedType, implementation, markers,
                bridges);
    }

    private static CallSite link(MethodHandles.Lookup caller, LambdaClassSpinner classSpinner, LambdaSite site)
            throws ReflectiveOperationException {
        String name = caller.lookupClass().getName().replace('.', '/') + "$$FerryLambda";
        byte[] bytes = classSpinner.spin(name, site);
        MethodHandles.Lookup lambdaClass = caller.defineHiddenClassWithClassData(bytes, classData(site), true,
                MethodHandles.Lookup.ClassOption.NESTMATE);
        MethodType constructorType = site.factoryType().changeReturnType(void.class);
        MethodHandle constructor = lambdaClass.findConstructor(lambdaClass.lookupClass(), constructorType)
                .asType(site.factoryType());
        AgentCounters.callSiteLinked();
        if (site.capturedCount() == 0) {
            // as the JDK does: a non-capturing lambda is one instance per call site
            Object instance;
            try {
                instance = constructor.invoke();
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
            return new ConstantCallSite(MethodHandles.constant(site.factoryType().returnType(), instance));
        }
        return new ConstantCallSite(constructor);
    }

    /** What {@link LambdaClassSpinner} classes read with {@code classDataAt}: the site, then the invokers. */
    private static List<Object> classData(LambdaSite site) {
        Object[] data = new Object[2 + site.bridges().length];
        data[0] = site;
        data[1] = site.invoker(site.samType());
        MethodType[] bridges = site.bridges();
        for (int i = 0; i < bridges.length; i++) {
            data[2 + i] = site.invoker(bridges[i]);
        }
        return List.of(data);
    }

    /** The JDK's altMetafactory arguments: Ferry's three extra arguments (index, hash, enclosing method) removed. */
    private static Object[] jdkArguments(Object[] args) {
        Object[] jdk = new Object[args.length - 3];
        System.arraycopy(args, 0, jdk, 0, 3);
        System.arraycopy(args, FIRST_JDK_FLAG_ARGUMENT, jdk, 3, args.length - FIRST_JDK_FLAG_ARGUMENT);
        return jdk;
    }
}
