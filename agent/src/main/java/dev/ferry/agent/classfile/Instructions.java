package dev.ferry.agent.classfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds instructions in a method's bytecode by walking it instruction by instruction (operand bytes are never taken
 * for opcodes), and swaps one invoke instruction for another of the same length and stack effect.
 */
public final class Instructions {

    public static final int INVOKEVIRTUAL = 0xB6;
    public static final int INVOKESTATIC = 0xB8;
    private static final int WIDE = 0xC4;
    private static final int IINC = 0x84;
    private static final int TABLESWITCH = 0xAA;
    private static final int LOOKUPSWITCH = 0xAB;

    private Instructions() {
    }

    /**
     * Offsets (in the class file) of every {@code opcode} instruction of {@code method} whose member reference is
     * {@code owner.name descriptor}.
     */
    public static List<Integer> find(ClassFile classFile, ClassFile.Method method, int opcode, String owner,
            String name, String descriptor) {
        List<Integer> found = new ArrayList<>();
        if (method.codeOffset < 0) {
            return found;
        }
        byte[] code = classFile.bytes;
        int start = method.codeOffset;
        int end = start + method.codeLength;
        ConstantPool pool = classFile.pool;
        for (int at = start; at < end; at += length(code, at, start)) {
            if ((code[at] & 0xFF) == opcode) {
                int reference = ((code[at + 1] & 0xFF) << 8) | (code[at + 2] & 0xFF);
                if (pool.memberOwner(reference).equals(owner) && pool.memberName(reference).equals(name)
                        && pool.memberDescriptor(reference).equals(descriptor)) {
                    found.add(at);
                }
            }
        }
        return found;
    }

    /**
     * Replaces the {@code invokevirtual} or {@code invokestatic} at {@code offset} by an {@code invokestatic} of
     * {@code staticMethod}, which takes what the replaced call took (the receiver first, for a virtual call): same
     * length, same stack effect, no frame changes.
     */
    public static void replaceWithStatic(ClassFilePatch patch, int offset, int staticMethod) {
        int opcode = patch.classFile().bytes[offset] & 0xFF;
        if (opcode != INVOKEVIRTUAL && opcode != INVOKESTATIC) {
            throw new IllegalArgumentException("no invokevirtual or invokestatic at offset " + offset);
        }
        patch.overwrite(offset, (byte) INVOKESTATIC, (byte) (staticMethod >>> 8), (byte) staticMethod);
    }

    private static int length(byte[] code, int at, int codeStart) {
        int opcode = code[at] & 0xFF;
        switch (opcode) {
            case 0x10: case 0x12: case 0x15: case 0x16: case 0x17: case 0x18: case 0x19:
            case 0x36: case 0x37: case 0x38: case 0x39: case 0x3A: case 0xA9: case 0xBC:
                return 2;
            case 0x11: case 0x13: case 0x14: case IINC: case 0xA7: case 0xA8: case 0xC6: case 0xC7:
            case 0xB2: case 0xB3: case 0xB4: case 0xB5: case 0xB6: case 0xB7: case 0xB8:
            case 0xBB: case 0xBD: case 0xC0: case 0xC1:
                return 3;
            case 0xC5:
                return 4;
            case 0xB9: case 0xBA: case 0xC8: case 0xC9:
                return 5;
            case WIDE:
                return (code[at + 1] & 0xFF) == IINC ? 6 : 4;
            case TABLESWITCH: {
                int pad = padding(at, codeStart);
                int low = int4(code, at + 1 + pad + 4);
                int high = int4(code, at + 1 + pad + 8);
                return 1 + pad + 12 + 4 * (high - low + 1);
            }
            case LOOKUPSWITCH: {
                int pad = padding(at, codeStart);
                int pairs = int4(code, at + 1 + pad + 4);
                return 1 + pad + 8 + 8 * pairs;
            }
            default:
                if (opcode >= 0x99 && opcode <= 0xA6) {
                    return 3; // if<cond>, if_icmp<cond>, if_acmp<cond>
                }
                return 1;
        }
    }

    /** Switch operands start at the next multiple of four from the start of the code. */
    private static int padding(int at, int codeStart) {
        return (4 - ((at - codeStart + 1) % 4)) % 4;
    }

    private static int int4(byte[] code, int at) {
        return ((code[at] & 0xFF) << 24) | ((code[at + 1] & 0xFF) << 16) | ((code[at + 2] & 0xFF) << 8)
                | (code[at + 3] & 0xFF);
    }
}
