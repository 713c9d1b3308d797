package dev.ferry.api;

import dev.ferry.agent.registry.SpecializationGenerators;

/**
 * Registers generators explicitly, for frameworks that create them at run time rather than through
 * {@link java.util.ServiceLoader}. Needs Ferry attached ({@code NoClassDefFoundError} otherwise): a library that must
 * run without Ferry registers through {@code ServiceLoader} instead.
 */
public final class Specializations {

    private Specializations() {
    }

    /**
     * Makes {@code generator} known to this JVM's writer and reader, until {@link #unregister}ed; registering the same
     * instance again does nothing. When several generators with one id are known, a reader uses the one its stream's
     * class loader sees.
     *
     * @throws IllegalArgumentException when the generator's id is not a valid id ({@link SpecializationGenerator#id})
     */
    public static void register(SpecializationGenerator generator) {
        SpecializationGenerators.register(generator);
    }

    /** @return whether the generator was registered */
    public static boolean unregister(SpecializationGenerator generator) {
        return SpecializationGenerators.unregister(generator);
    }
}
