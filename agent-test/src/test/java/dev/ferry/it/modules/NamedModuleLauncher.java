package dev.ferry.it.modules;

/**
 * Forked JVM: runs {@code com.acme.Trip} of the named module {@code m.trip}, which the test compiles and puts on the
 * module path ({@code --add-modules m.trip}); this launcher sits on the class path and calls its exported {@code main}.
 */
public final class NamedModuleLauncher {

    private NamedModuleLauncher() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        Class.forName("com.acme.Trip").getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
