package dev.ferry.boot.lambda;

import dev.ferry.boot.diagnostics.RefusalReason;
import dev.ferry.boot.security.Refusals;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/** Writes and reads a lambda's captured values in the call site's captured types: primitives raw, the rest as objects. */
final class CapturedValues {

    private CapturedValues() {
    }

    static void write(ObjectOutput out, Class<?> type, Object value) throws IOException {
        if (!type.isPrimitive()) {
            out.writeObject(value);
        } else if (type == int.class) {
            out.writeInt((Integer) value);
        } else if (type == long.class) {
            out.writeLong((Long) value);
        } else if (type == double.class) {
            out.writeDouble((Double) value);
        } else if (type == float.class) {
            out.writeFloat((Float) value);
        } else if (type == boolean.class) {
            out.writeBoolean((Boolean) value);
        } else if (type == char.class) {
            out.writeChar((Character) value);
        } else if (type == byte.class) {
            out.writeByte((Byte) value);
        } else {
            out.writeShort((Short) value);
        }
    }

    static Object read(ObjectInput in, LambdaSite site, int index) throws IOException, ClassNotFoundException {
        Class<?> type = site.capturedType(index);
        if (type.isPrimitive()) {
            return readPrimitive(in, type);
        }
        Object value = in.readObject();
        if (value != null && !type.isInstance(value)) {
            throw Refusals.invalidObject(RefusalReason.LAMBDA_CALL_SITE, site.capturingClass().getName(),
                    "refused lambda recipe for " + site + ": captured value " + index
                    + " is a " + value.getClass().getName() + " but the call site captures a " + type.getName());
        }
        return value;
    }

    private static Object readPrimitive(ObjectInput in, Class<?> type) throws IOException {
        if (type == int.class) {
            return in.readInt();
        } else if (type == long.class) {
            return in.readLong();
        } else if (type == double.class) {
            return in.readDouble();
        } else if (type == float.class) {
            return in.readFloat();
        } else if (type == boolean.class) {
            return in.readBoolean();
        } else if (type == char.class) {
            return in.readChar();
        } else if (type == byte.class) {
            return in.readByte();
        }
        return in.readShort();
    }
}
