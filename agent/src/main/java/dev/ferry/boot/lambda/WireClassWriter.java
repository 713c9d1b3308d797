package dev.ferry.boot.lambda;

/**
 * Writes the class file of a call site's wire class ({@link WireClasses}). Implemented by the agent with its
 * (relocated) ASM and installed at start-up, so that this package stays free of third-party dependencies; it is first
 * used when a lambda of the call site is first written or read, never at start-up.
 */
public interface WireClassWriter {

    /**
     * The bytes of a class named {@code internalName}, in the capturing class's package, that implements the site's
     * interfaces and {@link java.io.Serializable}, declares {@code serialVersionUID = site.hash()}, and holds the
     * captured values in fields {@code arg$1..n} (primitives as themselves, references as {@code Object}). Its
     * functional method and bridges take the captured values and arguments to an {@code invokedynamic} bootstrapped
     * by {@link LambdaWires#invoker} with the static arguments (capturing class, {@code position}); it has a private
     * constructor taking the captured values as an {@code Object[]} (boxed), a {@code writeObject} that reports a
     * value that cannot be written through {@link LambdaWires#notSerializable}, and a {@code readObject} that checks
     * each reference value against the captured type ({@link LambdaWires#wrongCapture}) and then calls
     * {@link LambdaWires#read}.
     */
    byte[] write(String internalName, LambdaSite site, int position);
}
