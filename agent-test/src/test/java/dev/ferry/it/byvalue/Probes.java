package dev.ferry.it.byvalue;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import javassist.util.proxy.ProxyObject;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;

/** The one-line descriptions of state and behaviour that the writer and the reader of a scenario compare. */
final class Probes {

    private Probes() {
    }

    static String arrayOfGenerated(Object[] roots) throws IllegalAccessException {
        Object[] array = (Object[]) roots[0];
        return "component is the element's class=" + (array.getClass().getComponentType() == array[0].getClass())
                + " same element twice=" + (array[0] == array[1]) + " " + describeBase((Base) array[0]);
    }

    static String base(Object[] roots) throws IllegalAccessException {
        return describeBase((Base) roots[0]);
    }

    /** Calls the methods, reads the label and every instance field the generators defined. */
    static String describeBase(Base base) throws IllegalAccessException {
        return "depth=" + ByteBuddyGenerators.depthBelowBase(base.getClass()) + " describe()=" + base.describe()
                + " compute(3)=" + base.compute(3) + " label=" + base.getLabel() + " fields=" + generatedFields(base);
    }

    static String springProxy(Object[] roots) {
        Greeter greeter = (Greeter) roots[0];
        return "greet(ferry)=" + greeter.greet("ferry") + " superclass=" + greeter.getClass().getSuperclass().getName()
                + " cglib=" + AopUtils.isCglibProxy(greeter) + " advisors=" + ((Advised) greeter).getAdvisors().length;
    }

    static String javassistProxy(Object[] roots) {
        Counter counter = (Counter) roots[0];
        return "next()=" + counter.next() + "," + counter.next() + " proxyObject=" + (counter instanceof ProxyObject)
                + " superclass=" + counter.getClass().getSuperclass().getName() + " handler="
                + ((ProxyObject) counter).getHandler().getClass().getSimpleName();
    }

    static String proxyOfGeneratedInterface(Object[] roots) throws ReflectiveOperationException {
        Object proxy = roots[0];
        Class<?> shouter = proxy.getClass().getInterfaces()[0];
        return "proxy=" + Proxy.isProxyClass(proxy.getClass()) + " interface=" + shouter.getName() + " generated="
                + GeneratedClasses.notOnTheClassPath(shouter) + " shout(ahoy)="
                + shouter.getMethod("shout", String.class).invoke(proxy, "ahoy");
    }

    static String proxyWithLambdaHandler(Object[] roots) {
        Announcer announcer = (Announcer) roots[0];
        return "proxy=" + Proxy.isProxyClass(announcer.getClass()) + " announce(news)=" + announcer.announce("news");
    }

    static String rule(Object[] roots) throws ReflectiveOperationException {
        Rule rule = (Rule) roots[0];
        StringBuilder text = new StringBuilder("rule=" + rule + " test(4..7)=");
        for (int value = 4; value <= 7; value++) {
            text.append(rule.test(value) ? 'T' : 'F');
        }
        Field threshold = rule.getClass().getDeclaredField("threshold");
        threshold.setAccessible(true);
        text.append(" threshold=").append(threshold.getInt(rule));
        try {
            text.append(" countAbove(10)=").append(rule.getClass().getMethod("countAbove", int.class).invoke(rule, 10));
        } catch (NoSuchMethodException onlyTheLambdaRuleHasIt) {
            text.append(" (no countAbove)");
        }
        return text.toString();
    }

    static String classHolder(Object[] roots) throws IllegalAccessException {
        ClassHolder holder = (ClassHolder) roots[0];
        Base instance = (Base) roots[1];
        return "sameClass=" + (holder.type() == instance.getClass()) + " type.superclass="
                + holder.type().getSuperclass().getName() + " instance: " + describeBase(instance);
    }

    static String twoInstances(Object[] roots) throws IllegalAccessException {
        Base first = (Base) roots[0];
        Base second = (Base) roots[1];
        return "sameClass=" + (first.getClass() == second.getClass()) + " sameObject=" + (first == second)
                + " first: " + describeBase(first) + " second: " + describeBase(second);
    }

    static String cycle(Object[] roots) throws ReflectiveOperationException {
        Base instance = (Base) roots[0];
        Peer peer = (Peer) instance.getClass().getField("peer").get(instance);
        return "peerIsTheSecondRoot=" + (peer == roots[1]) + " peerRefersBackToTheInstance=" + (peer.back() == instance)
                + " peer=" + peer.name() + " instance: " + describeBase(instance);
    }

    /** Fields of the generated classes below {@link Base}, by name; objects by class name, never by identity. */
    private static Map<String, String> generatedFields(Base base) throws IllegalAccessException {
        Map<String, String> fields = new TreeMap<>();
        for (Class<?> type = base.getClass(); type != Base.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (ByteBuddyGenerators.isInstanceField(field)) {
                    field.setAccessible(true);
                    fields.put(field.getName(), text(field.get(base)));
                }
            }
        }
        return fields;
    }

    private static String text(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return "a " + value.getClass().getSimpleName();
    }
}
