package dev.ferry.boot.lambda;

import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.byvalue.ByValue;
import dev.ferry.boot.security.Refusals;
import java.io.Externalizable;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The lambda recipe: what a Ferry lambda is written as, and what it is read back as.
 *
 * <p>A lambda's {@code writeReplace} returns a {@link Proxy} implementing the lambda's interfaces whose handler is a
 * {@code LambdaRecipe}. A proxy is read by its interfaces' names, which the reader has, and it is allocated (and gets
 * its stream handle) before the recipe and the captured values are read, so a captured value that refers back to the
 * lambda reads back as the very object the reader ends up with: identity and cycles survive, which the JDK's
 * {@code SerializedLambda} route cannot do (JDK-6785441, DESIGN.md fact 6).
 *
 * <p>Serial form (external data, version 1): the proxy (a back-reference), the capturing class's binary name (UTF), the
 * call-site index (unsigned short), the call-site signature hash (int), then each captured value: primitives raw, in
 * the call site's captured type, references as objects. The reader accepts it only if its own prepared copy of the
 * capturing class has that call site ({@link LambdaRecipeReader}).
 */
public final class LambdaRecipe implements Externalizable, InvocationHandler {

    private static final long serialVersionUID = 1L;

    private Object proxy;
    private LambdaSite site;
    private Object[] captured;

    /** For deserialization only. */
    public LambdaRecipe() {
    }

    private LambdaRecipe(LambdaSite site, Object[] captured) {
        this.site = site;
        this.captured = captured;
    }

    /** Called by a Ferry lambda's {@code writeReplace}: the portable object written in the lambda's place. */
    public static Object writeReplacement(LambdaSite site, Object[] captured) {
        LambdaRecipe recipe = new LambdaRecipe(site, captured);
        recipe.proxy = site.newProxy(recipe);
        AgentCounters.lambdaWritten();
        return recipe.proxy;
    }

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeObject(proxy);
        Class<?> capturingClass = site.capturingClass();
        if (ByValue.ships(capturingClass)) {
            // a generated capturing class: the reader finds it through its descriptor, which carries its recipe
            out.writeUTF("");
            out.writeObject(capturingClass);
        } else {
            out.writeUTF(capturingClass.getName());
        }
        out.writeShort(site.index());
        out.writeInt(site.hash());
        for (int i = 0; i < captured.length; i++) {
            try {
                CapturedValues.write(out, site.capturedType(i), captured[i]);
            } catch (NotSerializableException e) {
                throw LambdaNotSerializableException.of(e, site, i, captured[i]);
            }
        }
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException, ClassNotFoundException {
        try {
            readRecipe(in);
        } catch (IOException | ClassNotFoundException | RuntimeException failure) {
            // ObjectInputStream replaces any exception thrown with unread block data by
            // "IllegalStateException: unread block data", hiding what was refused
            discardBlockData(in);
            throw failure;
        }
        AgentCounters.lambdaRead();
    }

    private void readRecipe(ObjectInput in) throws IOException, ClassNotFoundException {
        Object self = in.readObject();
        if (self == null || !Proxy.isProxyClass(self.getClass())) {
            throw Refusals.invalidObject(RefusalReason.MALFORMED, "lambda recipe", "refused lambda recipe: it is not attached to a lambda proxy but to "
                    + (self == null ? "null" : self.getClass().getName()));
        }
        String className = in.readUTF();
        Class<?> shipped = className.isEmpty() ? LambdaRecipeReader.shippedClass(in.readObject()) : null;
        int index = in.readUnsignedShort();
        int hash = in.readInt();
        LambdaSite readSite = LambdaRecipeReader.site(in, self.getClass(), shipped, className, index, hash);
        Object[] values = new Object[readSite.capturedCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = CapturedValues.read(in, readSite, i);
        }
        this.proxy = self;
        this.site = readSite;
        this.captured = values;
    }

    private static void discardBlockData(ObjectInput in) {
        try {
            for (int left = in.available(); left > 0; left = in.available()) {
                in.skipBytes(left);
            }
        } catch (IOException | RuntimeException ignored) {
            // the stream is broken anyway; the original failure is what the caller needs to see
        }
    }

    @Override
    public Object invoke(Object on, Method method, Object[] args) throws Throwable {
        if (on != proxy) {
            // a forged stream may hand this recipe to a second proxy; it answers only for its own
            throw new IllegalStateException("this lambda recipe belongs to another proxy: " + site);
        }
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(method, args);
        }
        if (site.isFunctionalMethod(method)) {
            return site.invoke(captured, args);
        }
        if (method.isDefault()) {
            return DefaultMethods.invoke(on, method, args);
        }
        throw new AbstractMethodError(method + " is not implemented by " + site);
    }

    private Object objectMethod(Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return site.capturingClass().getName() + "$$FerryLambda@"
                        + Integer.toHexString(System.identityHashCode(proxy));
        }
    }
}
