package dev.ferry.agent.classfile;

import dev.ferry.boot.jdk.ModifiedUtf8;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * A class file's constant pool, indexed: each entry's tag and offset, and its {@code Utf8} text decoded on first use.
 * Entries of every tag up to class file version 69 are understood; another tag is a {@link ClassFormatError}.
 */
public final class ConstantPool {

    static final int UTF8 = 1;
    public static final int INTEGER = 3;
    public static final int FLOAT = 4;
    public static final int LONG = 5;
    public static final int DOUBLE = 6;
    public static final int CLASS = 7;
    public static final int STRING = 8;
    public static final int FIELDREF = 9;
    public static final int METHODREF = 10;
    public static final int INTERFACE_METHODREF = 11;
    public static final int NAME_AND_TYPE = 12;
    public static final int METHOD_HANDLE = 15;
    public static final int METHOD_TYPE = 16;
    public static final int DYNAMIC = 17;
    public static final int INVOKE_DYNAMIC = 18;
    public static final int MODULE = 19;
    public static final int PACKAGE = 20;

    private final byte[] bytes;
    private final int[] offsets;
    private final int[] tags;
    private final String[] texts;
    /** Offset just past the last entry: where entries are appended. */
    final int end;

    private ConstantPool(byte[] bytes, int[] offsets, int[] tags, int end) {
        this.bytes = bytes;
        this.offsets = offsets;
        this.tags = tags;
        this.texts = new String[offsets.length];
        this.end = end;
    }

    static ConstantPool read(ClassFile.Reader in) {
        int count = in.u2();
        int[] offsets = new int[count];
        int[] tags = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.u1();
            tags[i] = tag;
            offsets[i] = in.offset();
            switch (tag) {
                case UTF8:
                    in.skip(in.u2());
                    break;
                case INTEGER:
                case FLOAT:
                case FIELDREF:
                case METHODREF:
                case INTERFACE_METHODREF:
                case NAME_AND_TYPE:
                case DYNAMIC:
                case INVOKE_DYNAMIC:
                    in.skip(4);
                    break;
                case LONG:
                case DOUBLE:
                    in.skip(8);
                    i++; // the next slot is unusable (JVMS 4.4.5)
                    break;
                case CLASS:
                case STRING:
                case METHOD_TYPE:
                case MODULE:
                case PACKAGE:
                    in.skip(2);
                    break;
                case METHOD_HANDLE:
                    in.skip(3);
                    break;
                default:
                    throw new ClassFormatError("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return new ConstantPool(in.bytes, offsets, tags, in.offset());
    }

    /** {@code constant_pool_count}: one more than the highest index. */
    public int count() {
        return offsets.length;
    }

    /** The entry's tag; 0 for the unusable slot after a {@code Long} or {@code Double}. */
    public int tag(int index) {
        if (index <= 0 || index >= tags.length) {
            throw new ClassFormatError("invalid constant pool index " + index);
        }
        return tags[index];
    }

    /** The text of a {@code Utf8} entry (modified UTF-8, JVMS 4.4.7). */
    public String utf8(int index) {
        expect(index, UTF8);
        String text = texts[index];
        if (text == null) {
            text = decode(offsets[index]);
            texts[index] = text;
        }
        return text;
    }

    /** The internal name a {@code Class} entry names. */
    public String className(int index) {
        expect(index, CLASS);
        return utf8(u2(offsets[index]));
    }

    /** For a {@code Fieldref}, {@code Methodref} or {@code InterfaceMethodref}: its class's internal name. */
    public String memberOwner(int index) {
        checkMember(index);
        return className(u2(offsets[index]));
    }

    public String memberName(int index) {
        checkMember(index);
        return nameAndTypeName(u2(offsets[index] + 2));
    }

    public String memberDescriptor(int index) {
        checkMember(index);
        return nameAndTypeDescriptor(u2(offsets[index] + 2));
    }

    /** The {@code NameAndType} index of a member reference. */
    public int memberNameAndType(int index) {
        checkMember(index);
        return u2(offsets[index] + 2);
    }

    public String nameAndTypeName(int index) {
        expect(index, NAME_AND_TYPE);
        return utf8(u2(offsets[index]));
    }

    public String nameAndTypeDescriptor(int index) {
        expect(index, NAME_AND_TYPE);
        return utf8(u2(offsets[index] + 2));
    }

    /** {@code reference_kind} of a {@code MethodHandle} entry ({@code MethodHandleInfo.REF_*}). */
    public int handleKind(int index) {
        expect(index, METHOD_HANDLE);
        return bytes[offsets[index]] & 0xFF;
    }

    /** The member reference a {@code MethodHandle} entry points to. */
    public int handleReference(int index) {
        expect(index, METHOD_HANDLE);
        return u2(offsets[index] + 1);
    }

    /** The descriptor of a {@code MethodType} entry. */
    public String methodType(int index) {
        expect(index, METHOD_TYPE);
        return utf8(u2(offsets[index]));
    }

    public int integer(int index) {
        expect(index, INTEGER);
        int at = offsets[index];
        return (u2(at) << 16) | u2(at + 2);
    }

    /** {@code bootstrap_method_attr_index} of an {@code InvokeDynamic} entry. */
    public int invokeDynamicBootstrap(int index) {
        expect(index, INVOKE_DYNAMIC);
        return u2(offsets[index]);
    }

    public String invokeDynamicName(int index) {
        expect(index, INVOKE_DYNAMIC);
        return nameAndTypeName(u2(offsets[index] + 2));
    }

    public String invokeDynamicDescriptor(int index) {
        expect(index, INVOKE_DYNAMIC);
        return nameAndTypeDescriptor(u2(offsets[index] + 2));
    }

    /** The index of a {@code Utf8} entry holding exactly {@code text}, or -1. */
    public int findUtf8(String text) {
        // compared as encoded bytes, entry by entry: a class is patched with a handful of lookups, and decoding every
        // string of its pool (thousands of classes as an application starts, in the interpreter) cost more
        byte[] wanted = ModifiedUtf8.encode(text);
        int length = wanted.length;
        for (int i = 1; i < tags.length; i++) {
            int at = offsets[i];
            if (tags[i] == UTF8 && ((bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF) == length
                    && sameBytes(at + 2, wanted)) {
                return i;
            }
        }
        return -1;
    }

    private boolean sameBytes(int at, byte[] wanted) {
        for (int i = 0; i < wanted.length; i++) {
            if (bytes[at + i] != wanted[i]) {
                return false;
            }
        }
        return true;
    }

    private void checkMember(int index) {
        int tag = tag(index);
        if (tag != FIELDREF && tag != METHODREF && tag != INTERFACE_METHODREF) {
            throw new ClassFormatError("constant " + index + " is not a member reference (tag " + tag + ")");
        }
    }

    private void expect(int index, int tag) {
        if (tag(index) != tag) {
            throw new ClassFormatError("constant " + index + " has tag " + tags[index] + ", expected " + tag);
        }
    }

    private int u2(int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    private String decode(int at) {
        int length = u2(at);
        boolean ascii = true;
        for (int i = at + 2; i < at + 2 + length; i++) {
            if (bytes[i] <= 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, at + 2, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        try {
            return new DataInputStream(new ByteArrayInputStream(bytes, at, length + 2)).readUTF();
        } catch (IOException e) {
            throw new ClassFormatError("malformed modified UTF-8 in the constant pool at offset " + at);
        }
    }
}
