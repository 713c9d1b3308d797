package dev.ferry.boot.lambda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.agent.instrument.ClassSelection;
import dev.ferry.agent.instrument.ModuleAccess;
import dev.ferry.agent.instrument.PreparedClasses;
import example.fixtures.NoLambdas;
import example.fixtures.PlainLambdas;
import java.io.Serializable;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Ferry's hook in {@code LambdaMetafactory.altMetafactory} gives the JDK: the arguments marked serializable for a
 * class Ferry prepares, the very arguments otherwise, and never an exception of its own.
 */
class LambdaLinkingTest {

    private static final MethodType INT_TO_INT = MethodType.methodType(int.class, int.class);

    @BeforeAll
    static void install() {
        CallSiteTables.install(new PreparedClasses(new ClassSelection(List.of(), List.of("example/fixtures/NoLambdas")),
                new ModuleAccess(null, null), null));
    }

    /** {@code Math::abs} as an {@code IntUnaryOperator}, not serializable. */
    private static Object[] plain() throws ReflectiveOperationException {
        return new Object[] {INT_TO_INT, MethodHandles.lookup().findStatic(Math.class, "abs", INT_TO_INT), INT_TO_INT,
            0};
    }

    /** The full-privilege lookup an {@code invokedynamic} of {@code type} links with. */
    private static MethodHandles.Lookup in(Class<?> type) throws IllegalAccessException {
        return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    }

    @Test
    void call_site_of_a_prepared_class_should_link_serializable() throws Throwable {
        Object[] given = plain();

        Object[] linked = LambdaLinking.arguments(in(PlainLambdas.class),
                MethodType.methodType(IntUnaryOperator.class), given);

        assertNotSame(given, linked, "the caller's array is left as it was");
        assertEquals(0, given[3]);
        assertEquals(LambdaMetafactory.FLAG_SERIALIZABLE, linked[3]);
        CallSite site = LambdaMetafactory.altMetafactory(in(PlainLambdas.class), "applyAsInt",
                MethodType.methodType(IntUnaryOperator.class), linked);
        Object lambda = site.getTarget().invoke();
        assertTrue(lambda instanceof Serializable);
        assertEquals(5, ((IntUnaryOperator) lambda).applyAsInt(-5));
    }

    @Test
    void call_site_of_an_excluded_class_ferrys_own_or_a_serializable_one_should_keep_its_arguments()
            throws Throwable {
        Object[] excluded = plain();
        Object[] ferrys = plain();
        Object[] serializable = plain();
        serializable[3] = LambdaMetafactory.FLAG_SERIALIZABLE;
        MethodType factory = MethodType.methodType(IntUnaryOperator.class);

        assertSame(excluded, LambdaLinking.arguments(in(NoLambdas.class), factory, excluded));
        assertSame(ferrys, LambdaLinking.arguments(MethodHandles.lookup(), factory, ferrys));
        assertSame(serializable, LambdaLinking.arguments(in(PlainLambdas.class), factory, serializable));
    }

    @Test
    void arguments_the_jdk_refuses_should_reach_the_jdk_unchanged() throws IllegalAccessException {
        Object[] tooFew = {INT_TO_INT};
        Object[] notAnInteger = {INT_TO_INT, null, INT_TO_INT, "flags"};

        assertSame(tooFew, LambdaLinking.arguments(in(PlainLambdas.class), MethodType.methodType(Runnable.class),
                tooFew));
        assertArrayEquals(notAnInteger, LambdaLinking.arguments(in(PlainLambdas.class),
                MethodType.methodType(Runnable.class), notAnInteger));
        assertThrows(NullPointerException.class, () -> LambdaLinking.arguments(MethodHandles.lookup(), null,
                tooFew), "the JDK's null checks stay");
        assertThrows(NullPointerException.class, () -> LambdaLinking.arguments(MethodHandles.lookup(),
                MethodType.methodType(Runnable.class), null));
    }
}
