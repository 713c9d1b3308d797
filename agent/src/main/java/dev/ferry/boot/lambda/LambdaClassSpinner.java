package dev.ferry.boot.lambda;

/**
 * Writes the class file of the hidden class Ferry links for a lambda call site. Implemented by the agent with its
 * (relocated) ASM and installed at start-up, so that this package stays free of third-party dependencies.
 *
 * <p>The class data of the defined class is the list {@code [site, functional method, bridges...]}: the
 * {@link LambdaSite}, then method handles; the class reads entry {@code i} with {@code MethodHandles.classDataAt}. Its constructor takes the captured
 * values in the order of {@link LambdaSite#factoryType()}.
 */
public interface LambdaClassSpinner {

    /**
     * Returns the bytes of a class named {@code internalName} (in the capturing class's package) implementing the
     * site's interfaces and {@link java.io.Serializable}.
     */
    byte[] spin(String internalName, LambdaSite site);
}
