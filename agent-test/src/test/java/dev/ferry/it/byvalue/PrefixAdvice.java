package dev.ferry.it.byvalue;

import java.io.Serializable;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

/** Serializable Spring AOP around-advice that prefixes the result of every method returning a String. */
public class PrefixAdvice implements MethodInterceptor, Serializable {

    private static final long serialVersionUID = 1L;

    private final String prefix;

    public PrefixAdvice(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Object result = invocation.proceed();
        return result instanceof String ? prefix + result : result;
    }
}
