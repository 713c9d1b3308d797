package dev.ferry.it.byvalue;

import static dev.ferry.it.byvalue.ByValueScenario.nothing;
import static dev.ferry.it.byvalue.ByValueScenario.rootClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenarios of objects of generated classes that one JVM writes and another reads, each in a stream of its own.
 * The writer makes the objects with the real generators; the reader never runs them.
 */
final class ByValueCatalog {

    private ByValueCatalog() {
    }

    static List<ByValueScenario> all() {
        List<ByValueScenario> scenarios = new ArrayList<>();
        for (Loading loading : Loading.values()) {
            scenarios.addAll(byteBuddySubclasses(loading));
        }
        scenarios.addAll(proxies());
        scenarios.addAll(compiledInMemory());
        scenarios.addAll(structures());
        return scenarios;
    }

    static Map<String, ByValueScenario> byName() {
        Map<String, ByValueScenario> byName = new LinkedHashMap<>();
        all().forEach(scenario -> byName.put(scenario.name(), scenario));
        return byName;
    }

    static List<String> names() {
        return all().stream().map(ByValueScenario::name).toList();
    }

    private static List<ByValueScenario> byteBuddySubclasses(Loading loading) {
        String how = loading.label();
        return List.of(
                new ByValueScenario("byte_buddy_fixed_value_override_loaded_with_" + how,
                        () -> new Object[] {ByteBuddyGenerators.fixedValue(loading, "fixed by " + how, "l-" + how)},
                        Probes::base, rootClass()),
                new ByValueScenario("byte_buddy_defined_fields_loaded_with_" + how,
                        () -> new Object[] {ByteBuddyGenerators.withFields(loading, "f-" + how, 42, "tag-" + how)},
                        Probes::base, rootClass()),
                new ByValueScenario("byte_buddy_delegation_to_a_serializable_interceptor_loaded_with_" + how,
                        () -> new Object[] {delegating(loading)}, Probes::base, rootClass()));
    }

    /** The interceptor is changed after the class was loaded: the reader must see it as it was when written. */
    private static Base delegating(Loading loading) throws ReflectiveOperationException {
        LabelInterceptor interceptor = new LabelInterceptor("intercepted " + loading.label() + ": ");
        Base instance = ByteBuddyGenerators.delegating(loading, interceptor, "d-" + loading.label());
        interceptor.setMood("changed-after-loading");
        return instance;
    }

    private static List<ByValueScenario> proxies() {
        return List.of(
                new ByValueScenario("spring_aop_class_based_proxy_keeps_its_advice",
                        () -> new Object[] {ProxyGenerators.springClassBasedProxy("hello", "advised: ")},
                        Probes::springProxy, rootClass()),
                new ByValueScenario("javassist_proxy_written_as_itself_without_write_replace",
                        () -> new Object[] {ProxyGenerators.javassistProxy(false, 10, 100)},
                        Probes::javassistProxy, rootClass()),
                // Javassist's own form re-creates the class on the reader and keeps no superclass state: start at 0
                new ByValueScenario("javassist_proxy_in_its_default_write_replace_mode",
                        () -> new Object[] {ProxyGenerators.javassistProxy(true, 0, 1000)},
                        Probes::javassistProxy, nothing()),
                new ByValueScenario("jdk_proxy_of_a_generated_interface",
                        () -> new Object[] {ProxyGenerators.proxyOfGeneratedInterface("echo ")},
                        Probes::proxyOfGeneratedInterface, roots -> roots[0].getClass().getInterfaces()[0]),
                new ByValueScenario("jdk_proxy_of_a_class_path_interface_with_a_plain_lambda_handler",
                        () -> new Object[] {ProxyGenerators.proxyWithLambdaHandler("ahoy")},
                        Probes::proxyWithLambdaHandler, nothing()));
    }

    private static List<ByValueScenario> compiledInMemory() {
        return List.of(
                new ByValueScenario("javax_tools_compiled_rule_defined_by_a_custom_class_loader",
                        () -> new Object[] {CompiledRules.newRule(CompiledRules.THRESHOLD_RULE, 5)},
                        Probes::rule, rootClass()),
                new ByValueScenario("javax_tools_compiled_rule_using_lambdas_in_its_code",
                        () -> new Object[] {CompiledRules.newRule(CompiledRules.LAMBDA_RULE, 6)},
                        Probes::rule, rootClass()),
                new ByValueScenario("javax_tools_compiled_rule_holding_a_lambda_it_made_in_a_field",
                        () -> new Object[] {CompiledRules.newRule(CompiledRules.LAMBDA_FIELD_RULE, 5)},
                        Probes::rule, rootClass()));
    }

    private static List<ByValueScenario> structures() {
        return List.of(
                new ByValueScenario("byte_buddy_subclass_of_a_byte_buddy_subclass",
                        () -> new Object[] {ByteBuddyGenerators.subclassOfSubclass("deep", "level-one")},
                        Probes::base, rootClass()),
                new ByValueScenario("class_object_of_a_generated_class_in_a_class_path_holder",
                        ByValueCatalog::classAndInstance, Probes::classHolder, roots -> roots[1].getClass()),
                new ByValueScenario("two_instances_of_one_generated_class_in_one_stream_share_one_class",
                        ByValueCatalog::twoInstances, Probes::twoInstances, rootClass()),
                new ByValueScenario("cycle_through_a_generated_instance_keeps_identity",
                        ByValueCatalog::cycle, Probes::cycle, rootClass()),
                new ByValueScenario("array_of_a_generated_class_holding_one_instance_twice",
                        ByValueCatalog::arrayOfGenerated, Probes::arrayOfGenerated,
                        roots -> roots[0].getClass().getComponentType()));
    }

    /** The holder is written first, so the class reaches the reader as a {@code Class} before any instance of it. */
    private static Object[] classAndInstance() throws ReflectiveOperationException {
        Base instance = ByteBuddyGenerators.withFields(Loading.WRAPPER, "held", 7, "held-tag");
        return new Object[] {new ClassHolder(instance.getClass()), instance};
    }

    private static Object[] twoInstances() throws ReflectiveOperationException {
        Base first = ByteBuddyGenerators.withFields(Loading.WRAPPER, "first", 1, "one");
        Base second = ByteBuddyGenerators.setFields(ByteBuddyGenerators.instantiate(first.getClass(), "second"), 2,
                "two");
        return new Object[] {first, second};
    }

    /** An array whose component type is the generated class: its descriptor names the class inside {@code [L...;}. */
    private static Object[] arrayOfGenerated() throws ReflectiveOperationException {
        Base instance = ByteBuddyGenerators.withFields(Loading.WRAPPER, "in-an-array", 3, "array-tag");
        Object[] array = (Object[]) java.lang.reflect.Array.newInstance(instance.getClass(), 2);
        array[0] = instance;
        array[1] = instance;
        return new Object[] {array};
    }

    /** instance.peer -> peer, peer.back -> instance; the peer is also written on its own, after the instance. */
    private static Object[] cycle() throws ReflectiveOperationException {
        Base instance = ByteBuddyGenerators.instantiate(ByteBuddyGenerators.withPeerField(), "in-a-cycle");
        Peer peer = new Peer("peer");
        peer.setBack(instance);
        instance.getClass().getField("peer").set(instance, peer);
        return new Object[] {instance, peer};
    }
}
