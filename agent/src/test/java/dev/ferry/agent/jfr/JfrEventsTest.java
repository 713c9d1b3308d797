package dev.ferry.agent.jfr;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.boot.diagnostics.FerryEvents;
import dev.ferry.boot.diagnostics.RefusalReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.Timespan;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JFR sink records Ferry's three events, with their fields, under the JDK's {@code default} and {@code profile}
 * settings; it never throws; and installing it loads no JFR class.
 */
class JfrEventsTest {

    @TempDir
    Path files;

    @Test
    void events_should_be_recorded_with_their_fields_under_the_default_settings() throws Exception {
        Map<String, RecordedEvent> events = recordByClassName("default");

        RecordedEvent lambda = events.get("com.acme.Main");
        RecordedEvent generated = events.get("com.acme.Main$ByteBuddy$1");
        RecordedEvent refusal = events.get("com.acme.Forged");
        RecordedEvent failure = events.get("com.acme.Broken");
        assertAll(
                () -> assertEquals("dev.ferry.Materialization", lambda.getEventType().getName()),
                () -> assertEquals("lambda", lambda.getString("kind")),
                () -> assertEquals(1234L, lambda.getLong("materializationTime")),
                () -> assertEquals("class", generated.getString("kind")),
                () -> assertEquals(5678L, generated.getLong("materializationTime")),
                () -> assertEquals("dev.ferry.Refusal", refusal.getEventType().getName()),
                () -> assertEquals("integrity", refusal.getString("reason")),
                () -> assertEquals("tag does not verify", refusal.getString("message")),
                () -> assertEquals("dev.ferry.TransformFailure", failure.getEventType().getName()),
                () -> assertEquals("java.lang.IllegalArgumentException: bad", failure.getString("error")));
    }

    @Test
    void events_should_carry_category_labels_and_no_stack_trace() throws Exception {
        for (RecordedEvent event : recordByClassName("default").values()) {
            assertEquals(List.of("Ferry"), event.getEventType().getCategoryNames());
            assertTrue(event.getEventType().getLabel().startsWith("Ferry "), event.getEventType()::getLabel);
            assertFalse(event.getEventType().getDescription().isEmpty());
            assertNull(event.getStackTrace(), event.getEventType().getName());
        }
        ValueDescriptor time = recordByClassName("default").get("com.acme.Main").getEventType()
                .getField("materializationTime");
        assertEquals("Materialization Time", time.getLabel());
        assertEquals(Timespan.NANOSECONDS, time.getAnnotation(Timespan.class).value());
    }

    @Test
    void events_should_be_recorded_under_the_profile_settings() throws Exception {
        assertEquals(Set.of("com.acme.Main", "com.acme.Main$ByteBuddy$1", "com.acme.Forged", "com.acme.Broken"),
                recordByClassName("profile").keySet());
    }

    @Test
    void sink_should_not_throw_when_nobody_records_nor_on_null_values() {
        FerryEvents.Sink sink = JfrEvents.sink();
        assertDoesNotThrow(() -> {
            sink.materialized(FerryEvents.CLASS, null, -1);
            sink.refused(RefusalReason.MALFORMED, null, null);
            sink.transformFailed(null, null);
        });
    }

    @Test
    void install_should_load_no_jfr_class_until_the_first_event() throws Exception {
        RecordingLoader loader = new RecordingLoader(JfrEventsTest.class.getClassLoader());
        Class<?> installer = loader.loadClass(JfrEvents.class.getName());
        installer.getMethod("install").invoke(null);
        Object sink = accessible(installer.getDeclaredMethod("sink")).invoke(null);
        assertEquals(Set.of(), loader.jfrClassesRequested(), "install() must not load JFR classes");

        Method materialized = loader.loadClass(FerryEvents.Sink.class.getName())
                .getMethod("materialized", String.class, String.class, long.class);
        materialized.invoke(sink, FerryEvents.LAMBDA, "com.acme.Main", 1L);
        assertTrue(loader.jfrClassesRequested().contains("jdk.jfr.FlightRecorder"),
                () -> "the first event should ask whether JFR runs: " + loader.jfrClassesRequested());
    }

    /** Reports one event of each kind (two materializations) to the sink under a recording with these settings. */
    private Map<String, RecordedEvent> recordByClassName(String settings)
            throws IOException, ParseException {
        FerryEvents.Sink sink = JfrEvents.sink();
        Path file = files.resolve(settings + ".jfr");
        try (Recording recording = new Recording(Configuration.getConfiguration(settings))) {
            recording.start();
            sink.materialized(FerryEvents.LAMBDA, "com.acme.Main", 1234);
            sink.materialized(FerryEvents.CLASS, "com.acme.Main$ByteBuddy$1", 5678);
            sink.refused(RefusalReason.INTEGRITY, "com.acme.Forged", "tag does not verify");
            sink.transformFailed("com.acme.Broken", "java.lang.IllegalArgumentException: bad");
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file).stream()
                .filter(event -> event.getEventType().getName().startsWith("dev.ferry."))
                .collect(Collectors.toMap(event -> event.getString("className"), Function.identity()));
    }

    private static Method accessible(Method method) {
        method.setAccessible(true);
        return method;
    }

    /** Defines Ferry's classes itself, so that they are loaded afresh, and notes every JFR class they ask for. */
    private static final class RecordingLoader extends ClassLoader {
        private final Set<String> requested = ConcurrentHashMap.newKeySet();

        RecordingLoader(ClassLoader parent) {
            super(parent);
        }

        Set<String> jfrClassesRequested() {
            return requested.stream().filter(name -> name.startsWith("jdk.jfr.")
                    || (name.startsWith("dev.ferry.agent.jfr.") && name.endsWith("Event"))).collect(Collectors.toSet());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            if (!name.startsWith("dev.ferry.agent.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : define(name);
            }
        }

        private Class<?> define(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
