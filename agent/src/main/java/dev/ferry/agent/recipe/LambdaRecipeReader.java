package dev.ferry.agent.recipe;

import dev.ferry.agent.diagnostics.RefusalReason;
import dev.ferry.agent.runtime.LambdaSite;
import dev.ferry.agent.runtime.LambdaSites;
import dev.ferry.agent.runtime.Refusals;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInput;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;

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
        if (!(in instanceof ObjectInputStream)) {
            return;
        }
        ObjectInputFilter filter = ((ObjectInputStream) in).getObjectInputFilter();
        if (filter != null && filter.checkInput(new ClassOnly(capturingClass)) == ObjectInputFilter.Status.REJECTED) {
            throw Refusals.invalidClass(RefusalReason.FILTER, capturingClass.getName(),
                    "refused by the stream's ObjectInputFilter (capturing class of a lambda recipe)");
        }
    }

    /** What a filter is shown for the capturing class: the class alone, as for a class descriptor. */
    private static final class ClassOnly implements ObjectInputFilter.FilterInfo {
        private final Class<?> serialClass;

        ClassOnly(Class<?> serialClass) {
            this.serialClass = serialClass;
        }

        @Override
        public Class<?> serialClass() {
            return serialClass;
        }

        @Override
        public long arrayLength() {
            return -1;
        }

        @Override
        public long depth() {
            return 1;
        }

        @Override
        public long references() {
            return 0;
        }

        @Override
        public long streamBytes() {
            return 0;
        }
    }
}
