package dev.ferry.agent.classfile;

import dev.ferry.boot.jdk.ModifiedUtf8;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Edits of a {@link ClassFile} that leave everything else byte for byte as it was: constants appended to the pool,
 * bytes overwritten where they stand, methods appended, and a method's whole body replaced by straight-line code. No
 * instruction of a kept body moves, so no offset, stack map or exception table needs rewriting, and the same input
 * always gives the same output.
 */
public final class ClassFilePatch {

    private static final int MAX_CONSTANTS = 0xFFFF;

    private final ClassFile classFile;
    private final ByteArrayOutputStream appended = new ByteArrayOutputStream();
    private final Map<String, Integer> added = new HashMap<>();
    private final Map<String, Integer> utf8s = new HashMap<>();
    private final Map<Integer, byte[]> overwrites = new LinkedHashMap<>();
    private final List<byte[]> methods = new ArrayList<>();
    /** Ranges of the original class file replaced by other bytes, by where they start. */
    private final TreeMap<Integer, Splice> splices = new TreeMap<>();
    private int next;

    public ClassFilePatch(ClassFile classFile) {
        this.classFile = classFile;
        this.next = classFile.pool.count();
    }

    public ClassFile classFile() {
        return classFile;
    }

    /** A {@code Utf8} constant holding {@code text}: the class's own when it has one. */
    public int utf8(String text) {
        Integer known = utf8s.get(text); // a patch asks for the same names at every call site
        if (known != null) {
            return known;
        }
        int index = classFile.pool.findUtf8(text);
        if (index <= 0) {
            byte[] encoded = ModifiedUtf8.encode(text);
            if (encoded.length > 0xFFFF) {
                throw new ClassFormatError("a constant of " + encoded.length + " bytes");
            }
            byte[] entry = new byte[3 + encoded.length];
            entry[0] = ConstantPool.UTF8;
            entry[1] = (byte) (encoded.length >>> 8);
            entry[2] = (byte) encoded.length;
            System.arraycopy(encoded, 0, entry, 3, encoded.length);
            index = constant(entry);
        }
        utf8s.put(text, index);
        return index;
    }

    public int classConstant(String internalName) {
        int name = utf8(internalName);
        return constant(new byte[] {ConstantPool.CLASS, (byte) (name >>> 8), (byte) name});
    }

    public int nameAndType(String name, String descriptor) {
        int nameIndex = utf8(name);
        int descriptorIndex = utf8(descriptor);
        return constant(new byte[] {ConstantPool.NAME_AND_TYPE, (byte) (nameIndex >>> 8), (byte) nameIndex,
            (byte) (descriptorIndex >>> 8), (byte) descriptorIndex});
    }

    /** A {@code Methodref}, or an {@code InterfaceMethodref} when {@code onInterface}. */
    public int methodReference(int classIndex, int nameAndTypeIndex, boolean onInterface) {
        byte tag = (byte) (onInterface ? ConstantPool.INTERFACE_METHODREF : ConstantPool.METHODREF);
        return constant(new byte[] {tag, (byte) (classIndex >>> 8), (byte) classIndex,
            (byte) (nameAndTypeIndex >>> 8), (byte) nameAndTypeIndex});
    }

    /** A {@code MethodHandle} constant of {@code kind} ({@code MethodHandleInfo.REF_*}) on a member reference. */
    public int methodHandle(int kind, int referenceIndex) {
        return constant(new byte[] {ConstantPool.METHOD_HANDLE, (byte) kind, (byte) (referenceIndex >>> 8),
            (byte) referenceIndex});
    }

    /** Overwrites the two bytes at {@code offset} of the original class file. */
    public void overwriteU2(int offset, int value) {
        overwrite(offset, (byte) (value >>> 8), (byte) value);
    }

    /** Overwrites bytes of the original class file, from {@code offset} on; later edits win where they overlap. */
    public void overwrite(int offset, byte... values) {
        if (offset < 0 || offset + values.length > classFile.bytes.length) {
            throw new IllegalArgumentException("edit outside the class file at offset " + offset);
        }
        overwrites.remove(offset);
        overwrites.put(offset, values.clone());
    }

    /** Appends a method; {@code methodInfo} is a whole {@code method_info} structure (JVMS 4.6). */
    public void addMethod(byte[] methodInfo) {
        methods.add(methodInfo.clone());
    }

    /**
     * Replaces the whole {@code Code} attribute of {@code method} by one holding {@code code}: straight-line code
     * (no branch, so no stack map), no exception table, no nested attributes (line numbers of the old body go too).
     */
    public void replaceCode(ClassFile.Method method, int maxStack, int maxLocals, byte[] code) {
        if (method.codeAttribute < 0) {
            throw new IllegalArgumentException(method.name() + " has no code to replace");
        }
        int attributeLength = 2 + 2 + 4 + code.length + 2 + 2;
        ByteBuffer attribute = ByteBuffer.allocate(6 + attributeLength);
        attribute.putShort((short) utf8("Code")).putInt(attributeLength);
        attribute.putShort((short) maxStack).putShort((short) maxLocals).putInt(code.length).put(code);
        attribute.putShort((short) 0).putShort((short) 0); // no exception table, no attributes
        splices.put(method.codeAttribute, new Splice(method.codeAttributeEnd, attribute.array()));
    }

    /** Original bytes up to {@code end} (exclusive) replaced by {@code bytes}. */
    private record Splice(int end, byte[] bytes) {
    }

    /** Renames a method: its {@code name_index} points to a {@code Utf8} holding {@code newName}. */
    public void rename(ClassFile.Method method, String newName) {
        overwriteU2(method.offset + 2, utf8(newName));
    }

    public byte[] toBytes() {
        byte[] original = classFile.bytes.clone();
        for (Map.Entry<Integer, byte[]> edit : overwrites.entrySet()) {
            System.arraycopy(edit.getValue(), 0, original, edit.getKey(), edit.getValue().length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + appended.size() + 64);
        out.write(original, 0, 8); // magic, minor, major
        writeU2(out, next);
        out.write(original, 10, classFile.pool.end - 10);
        out.write(appended.toByteArray(), 0, appended.size());
        int methodsCount = ((original[classFile.methodsCountOffset] & 0xFF) << 8)
                | (original[classFile.methodsCountOffset + 1] & 0xFF);
        out.write(original, classFile.pool.end, classFile.methodsCountOffset - classFile.pool.end);
        writeU2(out, methodsCount + methods.size());
        writeSpliced(out, original, classFile.methodsCountOffset + 2, classFile.methodsEnd);
        for (byte[] method : methods) {
            out.write(method, 0, method.length);
        }
        out.write(original, classFile.methodsEnd, original.length - classFile.methodsEnd);
        return out.toByteArray();
    }

    /** Copies {@code original[from, to)}, with the replaced ranges in it replaced; a method's length changes with it. */
    private void writeSpliced(ByteArrayOutputStream out, byte[] original, int from, int to) {
        int at = from;
        for (Map.Entry<Integer, Splice> splice : splices.subMap(from, to).entrySet()) {
            out.write(original, at, splice.getKey() - at);
            out.write(splice.getValue().bytes(), 0, splice.getValue().bytes().length);
            at = splice.getValue().end();
        }
        out.write(original, at, to - at);
    }

    private static void writeU2(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    /** The index of a constant with exactly these bytes ({@code cp_info}), appended unless this patch added it. */
    private int constant(byte[] entry) {
        String key = new String(entry, StandardCharsets.ISO_8859_1);
        Integer known = added.get(key);
        if (known != null) {
            return known;
        }
        if (next >= MAX_CONSTANTS) {
            throw new ClassFormatError("the constant pool is full");
        }
        appended.write(entry, 0, entry.length);
        int index = next++;
        added.put(key, index);
        return index;
    }
}
