package dev.ferry.it.agents;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import java.util.List;
import java.util.Map;

/**
 * What an IDE does for HotSwap, through the JDK's own debugger interface (JDI over JDWP, in this test JVM): attach to
 * the debuggee's socket, redefine a class with new bytes, detach.
 */
final class Debugger {

    private static final String SOCKET_ATTACH = "com.sun.jdi.SocketAttach";

    private Debugger() {
    }

    /**
     * Redefines {@code className} in the JVM listening on {@code port} of the loopback address.
     *
     * @throws Exception what JDI threw: {@code UnsupportedOperationException} when the JVM refuses the new class (a
     *     method added or deleted), an {@code IOException} when it cannot attach
     */
    static void hotSwap(int port, String className, byte[] classFile) throws Exception {
        AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(connector -> connector.name().equals(SOCKET_ATTACH)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + SOCKET_ATTACH + " connector"));
        Map<String, Connector.Argument> arguments = socket.defaultArguments();
        arguments.get("hostname").setValue("127.0.0.1");
        arguments.get("port").setValue(String.valueOf(port));
        Connector.Argument timeout = arguments.get("timeout");
        if (timeout != null) {
            timeout.setValue("30000");
        }
        VirtualMachine debuggee = socket.attach(arguments);
        try {
            if (!debuggee.canRedefineClasses()) {
                throw new IllegalStateException("the debuggee cannot redefine classes");
            }
            List<ReferenceType> types = debuggee.classesByName(className);
            if (types.size() != 1) {
                throw new IllegalStateException("the debuggee has " + types.size() + " classes named " + className);
            }
            debuggee.redefineClasses(Map.of(types.get(0), classFile));
        } finally {
            debuggee.dispose();
        }
    }
}
