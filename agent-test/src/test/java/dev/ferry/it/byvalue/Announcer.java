package dev.ferry.it.byvalue;

/** A class-path interface for a {@code java.lang.reflect.Proxy} whose handler is a plain lambda. */
public interface Announcer {

    String announce(String news);
}
