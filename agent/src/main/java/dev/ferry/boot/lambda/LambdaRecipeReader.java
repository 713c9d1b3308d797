package dev.ferry.boot.lambda;

import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.security.Refusals;
import dev.ferry.boot.security.StreamFilters;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInput;

/** Checks a lambda recipe being read and finds the call site it names; see {@link LambdaSites}. */
final class LambdaRecipeReader {

    private LambdaRecipeReader() {
    }

    /**
     * Resolves the capturing class where the stream resolved the lambda's proxy (the stream's own class loader choice),
     * lets the stream's {@link ObjectInputFilter} judge it, and returns the call site if this JVM allows it.
     */
    static LambdaSite site(ObjectInput in, Class<?> proxyClass, Class<?> shipped, String className, int index,
            int hash) throws IOException, ClassNotFoundException {
        Class<?> capturingClass = shipped != null ? shipped : Class.forName(className, false, loaderOf(proxyClass));
        checkFilter(in, capturingClass);
        LambdaSite site = LambdaSites.resolve(capturingClass, index, hash);
        if (!site.matchesProxy(proxyClass)) {
            throw Refusals.invalidObject(RefusalReason.LAMBDA_CALL_SITE, capturingClass.getName(),
                    "refused lambda recipe: the proxy implements "
                    + java.util.Arrays.toString(proxyClass.getInterfaces()) + " but " + site
                    + " implements " + java.util.Arrays.toString(site.interfaces()));
        }
        return site;
    }

    /** The capturing class a recipe carries as a class object (a generated class shipped by value). */
    static Class<?> shippedClass(Object read) throws InvalidObjectException {
        if (!(read instanceof Class)) {
            throw Refusals.invalidObject(RefusalReason.MALFORMED, "lambda recipe",
                    "refused lambda recipe: its capturing class is given as "
                    + (read == null ? "null" : read.getClass().getName()) + " instead of a class");
        }
        return (Class<?>) read;
    }

    private static ClassLoader loaderOf(Class<?> proxyClass) {
        ClassLoader loader = proxyClass.getClassLoader();
        if (loader == null) {
            loader = Thread.currentThread().getContextClassLoader();
        }
        return loader == null ? ClassLoader.getSystemClassLoader() : loader;
    }

    private static void checkFilter(ObjectInput in, Class<?> capturingClass) throws InvalidClassException {
        if (StreamFilters.rejects(in, capturingClass, -1)) {
            throw Refusals.invalidClass(RefusalReason.FILTER, capturingClass.getName(),
                    "refused by the stream's ObjectInputFilter (capturing class of a lambda recipe)");
        }
    }
}
