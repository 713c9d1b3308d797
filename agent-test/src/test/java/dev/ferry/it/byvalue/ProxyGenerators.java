package dev.ferry.it.byvalue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import javassist.util.proxy.ProxyFactory;
import javassist.util.proxy.ProxyObject;

/** Proxies made by Spring AOP (CGLIB), Javassist and {@code java.lang.reflect.Proxy}, as applications make them. */
final class ProxyGenerators {

    private ProxyGenerators() {
    }

    /** A class-based Spring AOP proxy: a generated subclass of {@link Greeter} applying {@link PrefixAdvice}. */
    static Greeter springClassBasedProxy(String salutation, String prefix) {
        org.springframework.aop.framework.ProxyFactory factory =
                new org.springframework.aop.framework.ProxyFactory(new Greeter(salutation));
        factory.setProxyTargetClass(true);
        factory.addAdvice(new PrefixAdvice(prefix));
        Greeter proxy = (Greeter) factory.getProxy(Greeter.class.getClassLoader());
        GeneratedClasses.remember(proxy.getClass());
        return proxy;
    }

    /**
     * A Javassist proxy of {@link Counter} whose {@code next()} goes through an {@link OffsetHandler}. With
     * {@code writeReplace} false the proxy is written as itself, so its generated class must travel; with true
     * (Javassist's default) it writes a {@code SerializedProxy} that re-creates the class on the reader.
     */
    static Counter javassistProxy(boolean writeReplace, int start, int offset) throws ReflectiveOperationException {
        ProxyFactory factory = new ProxyFactory();
        factory.setSuperclass(Counter.class);
        factory.setUseWriteReplace(writeReplace);
        factory.setUseCache(false);
        factory.setFilter(method -> method.getName().equals("next"));
        Class<?> type = GeneratedClasses.remember(factory.createClass());
        Counter counter = (Counter) type.getConstructor().newInstance();
        ((ProxyObject) counter).setHandler(new OffsetHandler(offset));
        counter.setValue(start);
        return counter;
    }

    /** A JDK proxy of an interface that is itself generated, with a serializable handler. */
    static Object proxyOfGeneratedInterface(String prefix) {
        Class<?> shouter = ByteBuddyGenerators.generatedInterface();
        return Proxy.newProxyInstance(shouter.getClassLoader(), new Class<?>[] {shouter}, new EchoHandler(prefix));
    }

    /** A JDK proxy of a class-path interface whose handler is a plain, non-serializable lambda. */
    static Announcer proxyWithLambdaHandler(String salutation) {
        InvocationHandler handler = (proxy, method, args) -> salutation + ", " + args[0];
        return (Announcer) Proxy.newProxyInstance(Announcer.class.getClassLoader(), new Class<?>[] {Announcer.class},
                handler);
    }
}
