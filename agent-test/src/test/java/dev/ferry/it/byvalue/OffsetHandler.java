package dev.ferry.it.byvalue;

import java.io.Serializable;
import java.lang.reflect.Method;
import javassist.util.proxy.MethodHandler;

/** A serializable Javassist {@link MethodHandler}: calls the proxied method, adds {@code offset} to an int result. */
public class OffsetHandler implements MethodHandler, Serializable {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public OffsetHandler(int offset) {
        this.offset = offset;
    }

    @Override
    public Object invoke(Object self, Method thisMethod, Method proceed, Object[] args) throws Throwable {
        Object result = proceed.invoke(self, args);
        return result instanceof Integer ? (Integer) result + offset : result;
    }
}
