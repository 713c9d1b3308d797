package dev.ferry.agent.classfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A class file, read just far enough to edit it in place: the constant pool, where the methods and the class
 * attributes start and end, each method's name, descriptor and {@code Code}, and the {@code BootstrapMethods} entries.
 * Nothing is decoded that an edit does not need, so reading a class costs a few microseconds (JVMS 4).
 *
 * @throws ClassFormatError (from {@link #read}) when the bytes are not a class file this reader understands; the
 *     caller leaves such a class untouched
 */
public final class ClassFile {

    private static final int MAGIC = 0xCAFEBABE;
    /** The newest major version read; a newer class file may hold constants this reader does not know. */
    static final int NEWEST_MAJOR = 69;

    final byte[] bytes;
    final ConstantPool pool;
    final int major;
    final int accessOffset;
    final int methodsCountOffset;
    final int methodsEnd;
    final int attributesCountOffset;
    final List<Method> methods;
    final List<BootstrapMethod> bootstrapMethods;

    private ClassFile(byte[] bytes, ConstantPool pool, int major, int accessOffset, int methodsCountOffset,
            int methodsEnd, int attributesCountOffset, List<Method> methods, List<BootstrapMethod> bootstrapMethods) {
        this.bytes = bytes;
        this.pool = pool;
        this.major = major;
        this.accessOffset = accessOffset;
        this.methodsCountOffset = methodsCountOffset;
        this.methodsEnd = methodsEnd;
        this.attributesCountOffset = attributesCountOffset;
        this.methods = methods;
        this.bootstrapMethods = bootstrapMethods;
    }

    public static ClassFile read(byte[] bytes) {
        Reader in = new Reader(bytes, 0);
        if (in.u4() != MAGIC) {
            throw new ClassFormatError("not a class file (bad magic number)");
        }
        in.u2(); // minor
        int major = in.u2();
        if (major > NEWEST_MAJOR || major < 45) {
            throw new ClassFormatError("unsupported class file version " + major);
        }
        ConstantPool pool = ConstantPool.read(in);
        int accessOffset = in.offset();
        in.skip(6); // access, this, super
        in.skip(2 * in.u2()); // interfaces
        skipMembers(in); // fields
        int methodsCountOffset = in.offset();
        List<Method> methods = readMethods(in, pool);
        int methodsEnd = in.offset();
        int attributesCountOffset = in.offset();
        List<BootstrapMethod> bootstrapMethods = List.of();
        int attributes = in.u2();
        for (int i = 0; i < attributes; i++) {
            String name = pool.utf8(in.u2());
            int length = in.u4();
            int start = in.offset();
            if ("BootstrapMethods".equals(name)) {
                bootstrapMethods = readBootstrapMethods(new Reader(bytes, start));
            }
            in.skip(length);
        }
        if (in.offset() != bytes.length) {
            throw new ClassFormatError("trailing bytes after the class file");
        }
        return new ClassFile(bytes, pool, major, accessOffset, methodsCountOffset, methodsEnd, attributesCountOffset,
                methods, bootstrapMethods);
    }

    private static void skipMembers(Reader in) {
        int count = in.u2();
        for (int i = 0; i < count; i++) {
            in.skip(6);
            skipAttributes(in);
        }
    }

    private static void skipAttributes(Reader in) {
        int count = in.u2();
        for (int i = 0; i < count; i++) {
            in.skip(2);
            in.skip(in.u4());
        }
    }

    private static List<Method> readMethods(Reader in, ConstantPool pool) {
        int count = in.u2();
        List<Method> methods = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int offset = in.offset();
            int access = in.u2();
            int nameIndex = in.u2();
            int descriptorIndex = in.u2();
            int codeOffset = -1;
            int codeLength = 0;
            int codeAttribute = -1;
            int codeAttributeEnd = -1;
            int attributes = in.u2();
            for (int a = 0; a < attributes; a++) {
                int attributeOffset = in.offset();
                String attribute = pool.utf8(in.u2());
                int length = in.u4();
                if ("Code".equals(attribute)) {
                    codeAttribute = attributeOffset;
                    codeAttributeEnd = in.offset() + length;
                    Reader code = new Reader(in.bytes, in.offset());
                    code.skip(4); // max_stack, max_locals
                    codeLength = code.u4();
                    codeOffset = code.offset();
                }
                in.skip(length);
            }
            methods.add(new Method(offset, access, nameIndex, pool.utf8(nameIndex), pool.utf8(descriptorIndex),
                    descriptorIndex, codeOffset, codeLength, codeAttribute, codeAttributeEnd));
        }
        return Collections.unmodifiableList(methods);
    }

    private static List<BootstrapMethod> readBootstrapMethods(Reader in) {
        int count = in.u2();
        List<BootstrapMethod> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int offset = in.offset();
            int handle = in.u2();
            int[] arguments = new int[in.u2()];
            for (int a = 0; a < arguments.length; a++) {
                arguments[a] = in.u2();
            }
            entries.add(new BootstrapMethod(offset, handle, arguments));
        }
        return Collections.unmodifiableList(entries);
    }

    public ConstantPool pool() {
        return pool;
    }

    public int major() {
        return major;
    }

    /** The class's internal name ({@code this_class}). */
    public String name() {
        return pool.className(new Reader(bytes, accessOffset + 2).u2());
    }

    public boolean isInterface() {
        return (new Reader(bytes, accessOffset).u2() & 0x0200) != 0;
    }

    public int thisClassIndex() {
        return new Reader(bytes, accessOffset + 2).u2();
    }

    public List<Method> methods() {
        return methods;
    }

    public List<BootstrapMethod> bootstrapMethods() {
        return bootstrapMethods;
    }

    /** The method of this name and descriptor, or null. */
    public Method method(String name, String descriptor) {
        for (Method method : methods) {
            if (method.name.equals(name) && method.descriptor.equals(descriptor)) {
                return method;
            }
        }
        return null;
    }

    /** A method: where its {@code method_info} and its bytecode are. */
    public static final class Method {
        final int offset;
        final int access;
        final int nameIndex;
        final String name;
        final String descriptor;
        final int descriptorIndex;
        final int codeOffset;
        final int codeLength;
        /** Where the whole {@code Code} attribute starts (its name index) and ends; -1 without one. */
        final int codeAttribute;
        final int codeAttributeEnd;

        Method(int offset, int access, int nameIndex, String name, String descriptor, int descriptorIndex,
                int codeOffset, int codeLength, int codeAttribute, int codeAttributeEnd) {
            this.offset = offset;
            this.access = access;
            this.nameIndex = nameIndex;
            this.name = name;
            this.descriptor = descriptor;
            this.descriptorIndex = descriptorIndex;
            this.codeOffset = codeOffset;
            this.codeLength = codeLength;
            this.codeAttribute = codeAttribute;
            this.codeAttributeEnd = codeAttributeEnd;
        }

        public String name() {
            return name;
        }

        public String descriptor() {
            return descriptor;
        }
    }

    /** One {@code BootstrapMethods} entry: where it is, its method handle constant and its static arguments. */
    public static final class BootstrapMethod {
        final int offset;
        final int handle;
        final int[] arguments;

        BootstrapMethod(int offset, int handle, int[] arguments) {
            this.offset = offset;
            this.handle = handle;
            this.arguments = arguments;
        }

        /** Where the entry's {@code bootstrap_method_ref} is in the class file. */
        public int offset() {
            return offset;
        }

        public int handle() {
            return handle;
        }

        /** Constant pool indexes of the static arguments. */
        public int[] arguments() {
            return arguments.clone();
        }
    }

    /** Big-endian reads with bounds checks: a truncated class file is a {@link ClassFormatError}, not a crash. */
    static final class Reader {
        final byte[] bytes;
        private int offset;

        Reader(byte[] bytes, int offset) {
            this.bytes = bytes;
            this.offset = offset;
        }

        int offset() {
            return offset;
        }

        int u1() {
            check(1);
            return bytes[offset++] & 0xFF;
        }

        int u2() {
            check(2);
            int value = ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
            offset += 2;
            return value;
        }

        int u4() {
            check(4);
            int value = ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
                    | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
            offset += 4;
            return value;
        }

        void skip(int count) {
            if (count < 0) {
                throw new ClassFormatError("negative length at offset " + offset);
            }
            check(count);
            offset += count;
        }

        private void check(int count) {
            if (offset + count > bytes.length || offset + count < 0) {
                throw new ClassFormatError("truncated class file at offset " + offset);
            }
        }
    }
}
