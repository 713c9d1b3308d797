package dev.ferry.boot.lambda;

import dev.ferry.boot.diagnostics.AgentCounters;
import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.security.Refusals;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.List;

/**
 * What a wire class's own code calls ({@link WireClassWriter} writes those calls): the bootstrap of its functional
 * method, and the checks and counts around reading and writing its captured values. Nothing else may use them.
 */
public final class LambdaWires {

    private LambdaWires() {
    }

    /**
     * Bootstrap of a wire class's functional method (and bridges): a constant call site of the implementation method,
     * adapted as {@code LambdaMetafactory} adapts it, which the JIT inlines as it inlines a JDK lambda's direct call.
     *
     * @param type the captured types, then the functional method's (erased) parameters
     * @throws IllegalAccessException when {@code caller} is not the wire class of that call site with full privilege:
     *     nothing else gets a handle on a capturing class's private lambda bodies through here
     */
    public static CallSite invoker(MethodHandles.Lookup caller, String name, MethodType type, Class<?> capturingClass,
            int position) throws IllegalAccessException, InvalidClassException {
        WireClasses.WireSite wire = WireClasses.siteOf(caller.lookupClass());
        if (wire == null || wire.sites().capturingClass() != capturingClass || wire.position() != position
                || !caller.hasFullPrivilegeAccess()) {
            throw new IllegalAccessException(caller + " is not the wire class of call site " + position + " of "
                    + capturingClass.getName());
        }
        LambdaSite site = wire.sites().site(position);
        MethodHandle target = site.invoker(type.dropParameterTypes(0, site.capturedCount()));
        return new ConstantCallSite(target.asType(type));
    }

    /** Called by a wire class's {@code readObject} once its captured values are read and checked. */
    public static void read(Object wire) {
        AgentCounters.lambdaRead();
    }

    /**
     * The refusal of a captured value of the wrong type (a forged stream): the value's class and the call site's
     * captured type, and their loaders when the two have one name.
     */
    public static InvalidObjectException wrongCapture(Object wire, int index, Object value, Class<?> expected) {
        WireClasses.WireSite site = WireClasses.siteOf(wire.getClass());
        String what = site == null ? wire.getClass().getName() : describe(site);
        Class<?> actual = value.getClass();
        String loaders = actual.getName().equals(expected.getName()) ? " (loaded by " + actual.getClassLoader()
                + ", the call site's by " + expected.getClassLoader() + ")" : "";
        return Refusals.invalidObject(RefusalReason.LAMBDA_CALL_SITE, wire.getClass().getName(),
                "refused Ferry lambda for " + what + ": captured value " + index + " is a " + actual.getName()
                + " but the call site captures a " + expected.getName() + loaders);
    }

    /**
     * A wire class's {@code writeObject} met a captured value that cannot be written: the exception names the lambda
     * and the path from it to the value.
     */
    public static NotSerializableException notSerializable(Object wire, NotSerializableException failure) {
        WireClasses.WireSite site = WireClasses.siteOf(wire.getClass());
        if (site == null) {
            return failure;
        }
        String offending = failure instanceof LambdaNotSerializableException
                ? ((LambdaNotSerializableException) failure).offendingClass() : failure.getMessage();
        Object[] captured = capturedValues(wire);
        int index = -1;
        for (int i = 0; i < captured.length && index < 0; i++) {
            Object value = captured[i];
            if (value != null && (value.getClass().getName().equals(offending)
                    || !ObjectGraphPath.find(value, offending).isEmpty())) {
                index = i;
            }
        }
        for (int i = 0; i < captured.length && index < 0; i++) {
            // a lambda captured by this one failed: its own step names what it captured
            Object value = captured[i];
            if (failure instanceof LambdaNotSerializableException && value != null
                    && (value.getClass().isHidden() || WireClasses.siteOf(value.getClass()) != null)) {
                index = i;
            }
        }
        try {
            return LambdaNotSerializableException.of(failure, site.sites().site(site.position()), index,
                    index < 0 ? null : captured[index]);
        } catch (InvalidClassException e) {
            return failure;
        }
    }

    private static String describe(WireClasses.WireSite site) {
        try {
            return site.sites().site(site.position()).describe();
        } catch (InvalidClassException e) {
            return site.sites().capturingClass().getName();
        }
    }

    /** The captured values of a wire object, by reflection: for messages only. */
    static Object[] capturedValues(Object wire) {
        List<Field> fields = new java.util.ArrayList<>();
        for (int i = 1; ; i++) {
            try {
                Field field = wire.getClass().getDeclaredField("arg$" + i);
                field.setAccessible(true);
                fields.add(field);
            } catch (NoSuchFieldException | RuntimeException e) {
                break;
            }
        }
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = fields.get(i).get(wire);
            } catch (IllegalAccessException e) {
                values[i] = null;
            }
        }
        return values;
    }
}
