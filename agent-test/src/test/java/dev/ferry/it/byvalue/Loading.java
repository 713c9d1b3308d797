package dev.ferry.it.byvalue;

import java.lang.invoke.MethodHandles;
import java.util.Locale;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;

/** The four ways Byte Buddy defines a class that the by-value scenarios cover. */
enum Loading {
    /** A new {@code ByteArrayClassLoader} whose parent is the superclass's loader. */
    WRAPPER,
    /** A new child-first {@code ByteArrayClassLoader}. */
    CHILD_FIRST,
    /** Injected into the superclass's own loader (the application class loader) by reflection. */
    INJECTION,
    /** Defined in the superclass's package through {@code MethodHandles.Lookup#defineClass}. */
    LOOKUP;

    ClassLoadingStrategy<ClassLoader> strategy() {
        return switch (this) {
            case WRAPPER -> ClassLoadingStrategy.Default.WRAPPER;
            case CHILD_FIRST -> ClassLoadingStrategy.Default.CHILD_FIRST;
            case INJECTION -> ClassLoadingStrategy.Default.INJECTION;
            case LOOKUP -> ClassLoadingStrategy.UsingLookup.of(lookupInBasePackage());
        };
    }

    /** {@code wrapper}, {@code child_first}, ...: the suffix of scenario names. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static MethodHandles.Lookup lookupInBasePackage() {
        try {
            return MethodHandles.privateLookupIn(Base.class, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("no private lookup in " + Base.class.getPackageName(), e);
        }
    }
}
