package dev.ferry.boot.lambda;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

/**
 * Calls an interface's default method on a lambda proxy ({@code f.andThen(g)} on a lambda that was read), so that it
 * runs the interface's code with the proxy as {@code this}, as it would on the original lambda.
 */
final class DefaultMethods {

    private DefaultMethods() {
    }

    static Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        try {
            return InvocationHandler.invokeDefault(proxy, method, args);
        } catch (IllegalAccessException notPublic) {
            // invokeDefault checks access from Ferry's module; a package-private interface of an unnamed module is
            // open to it, so the default method is reached through a private lookup instead
            Class<?> declaring = method.getDeclaringClass();
            MethodHandle body = MethodHandles.privateLookupIn(declaring, MethodHandles.lookup())
                    .unreflectSpecial(method, declaring);
            Object[] receiverAndArgs = new Object[1 + (args == null ? 0 : args.length)];
            receiverAndArgs[0] = proxy;
            if (args != null) {
                System.arraycopy(args, 0, receiverAndArgs, 1, args.length);
            }
            return body.invokeWithArguments(receiverAndArgs);
        }
    }
}
