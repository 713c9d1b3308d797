package dev.ferry.it.byvalue;

import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Arrays;

/** A serializable {@link InvocationHandler} for a proxy of a generated interface: answers every call with its name. */
public class EchoHandler implements InvocationHandler, Serializable {

    private static final long serialVersionUID = 1L;

    private final String prefix;

    public EchoHandler(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        return prefix + method.getName() + Arrays.toString(args == null ? new Object[0] : args);
    }
}
