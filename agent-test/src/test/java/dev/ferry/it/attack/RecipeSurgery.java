package dev.ferry.it.attack;

import dev.ferry.it.support.StreamSurgery;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte surgery on the first Ferry class-by-value recipe of a stream, as an attacker who replays a legitimate signed
 * recipe would do it: the recipe is the block data of its descriptor's annotation, in chunks of at most 1024 bytes,
 * so an edit that changes its length also changes the length of the chunk it falls in, and the stream stays
 * well-formed. Also the version byte of the first specialization recipe, and a descriptor's name.
 */
final class RecipeSurgery {

    /** Ferry's marker and format 3, then the kind: 2 is a class by value, 3 a specialization. */
    private static final byte[] HEAD = {(byte) 0xF5, 'F', 'R', 'Y', 3};
    private static final int BY_VALUE = 2;
    private static final int SPECIALIZATION = 3;
    private static final int TC_BLOCKDATA = 0x77;
    private static final int TC_BLOCKDATALONG = 0x7A;

    private RecipeSurgery() {
    }

    /** The root recipe's first link points at the root itself instead of the class it links. */
    static byte[] alterFirstLink(byte[] stream) {
        Recipe root = rootRecipe(stream);
        if (root.links == 0) {
            throw new IllegalStateException("the root recipe links no class");
        }
        byte[] patched = stream.clone();
        int low = root.blocks.physical(root.firstLink + 1);
        patched[root.blocks.physical(root.firstLink)] = 0;
        patched[low] = 0;
        return patched;
    }

    /** The root recipe links nothing: its link count becomes 0 and the link indexes go. */
    static byte[] stripLinks(byte[] stream) {
        Recipe root = rootRecipe(stream);
        if (root.links == 0) {
            throw new IllegalStateException("the root recipe links no class");
        }
        byte[] patched = stream.clone();
        patched[root.blocks.physical(root.linkCount)] = 0;
        patched[root.blocks.physical(root.linkCount + 1)] = 0;
        for (int i = root.links * 2 - 1; i >= 0; i--) {
            patched = deleteAt(patched, root.firstLink + i);
        }
        return patched;
    }

    /** Inverts the first byte of the root recipe's tag. */
    static byte[] flipTag(byte[] stream) {
        Recipe root = rootRecipe(stream);
        byte[] patched = stream.clone();
        int at = root.blocks.physical(root.tag);
        patched[at] = (byte) ~patched[at];
        return patched;
    }

    /** The first specialization recipe's version byte set to {@code version}. */
    static byte[] specializationVersion(byte[] stream, int version) {
        int head = head(stream, SPECIALIZATION);
        byte[] patched = stream.clone();
        patched[head + HEAD.length + 2] = (byte) version; // after the kind and the dimensions
        return patched;
    }

    /** The first occurrence of {@code from} (the first descriptor of that class) renamed to {@code to}, as long. */
    static byte[] renameFirst(byte[] stream, String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("names must have the same length");
        }
        int at = StreamSurgery.indexOf(stream, from.getBytes(StandardCharsets.US_ASCII), 0);
        if (at < 0) {
            throw new IllegalStateException("the stream does not contain " + from);
        }
        byte[] patched = stream.clone();
        System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, patched, at, to.length());
        return patched;
    }

    /** Deletes the recipe's byte at a logical offset, shortening the chunk that holds it. */
    private static byte[] deleteAt(byte[] stream, int logical) {
        Blocks blocks = Blocks.of(stream, head(stream, BY_VALUE));
        int chunk = blocks.chunkOf(logical);
        int physical = blocks.physical(logical);
        ByteArrayOutputStream out = new ByteArrayOutputStream(stream.length);
        out.write(stream, 0, physical);
        out.write(stream, physical + 1, stream.length - physical - 1);
        byte[] shorter = out.toByteArray();
        int header = blocks.headers.get(chunk);
        int length = blocks.lengths.get(chunk) - 1;
        if ((stream[header] & 0xFF) == TC_BLOCKDATA) {
            shorter[header + 1] = (byte) length;
        } else {
            for (int i = 0; i < 4; i++) {
                shorter[header + 1 + i] = (byte) (length >>> (24 - 8 * i));
            }
        }
        return shorter;
    }

    /** Where the parts of the root recipe are, as logical offsets into the annotation's block data. */
    private static final class Recipe {
        Blocks blocks;
        int linkCount;
        int links;
        int firstLink;
        int tag;
    }

    private static Recipe rootRecipe(byte[] stream) {
        Recipe recipe = new Recipe();
        recipe.blocks = Blocks.of(stream, head(stream, BY_VALUE));
        byte[] data = recipe.blocks.data();
        int at = HEAD.length + 2; // kind, dimensions
        at += 2; // closure size
        at += 2 + u2(data, at); // name
        at += 8 + 4; // origin
        at += 4 + s4(data, at); // class bytes
        at += 4 + s4(data, at); // static state
        recipe.linkCount = at;
        recipe.links = u2(data, at);
        recipe.firstLink = at + 2;
        at += 2 + 2 * recipe.links;
        recipe.tag = at + 1;
        return recipe;
    }

    /** The chunks of block data from the annotation's head to the first thing that is not block data. */
    private static final class Blocks {
        final byte[] stream;
        final List<Integer> headers = new ArrayList<>();
        final List<Integer> starts = new ArrayList<>();
        final List<Integer> lengths = new ArrayList<>();

        private Blocks(byte[] stream) {
            this.stream = stream;
        }

        static Blocks of(byte[] stream, int head) {
            Blocks blocks = new Blocks(stream);
            int header;
            if ((stream[head - 2] & 0xFF) == TC_BLOCKDATA) {
                header = head - 2;
            } else if ((stream[head - 5] & 0xFF) == TC_BLOCKDATALONG) {
                header = head - 5;
            } else {
                throw new IllegalStateException("the Ferry annotation does not start a block of data");
            }
            while (header < stream.length) {
                int type = stream[header] & 0xFF;
                if (type == TC_BLOCKDATA) {
                    blocks.add(header, header + 2, stream[header + 1] & 0xFF);
                } else if (type == TC_BLOCKDATALONG) {
                    blocks.add(header, header + 5, s4(stream, header + 1));
                } else {
                    break;
                }
                header = blocks.starts.get(blocks.starts.size() - 1) + blocks.lengths.get(blocks.lengths.size() - 1);
            }
            return blocks;
        }

        private void add(int header, int start, int length) {
            headers.add(header);
            starts.add(start);
            lengths.add(length);
        }

        byte[] data() {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (int i = 0; i < starts.size(); i++) {
                data.write(stream, starts.get(i), lengths.get(i));
            }
            return data.toByteArray();
        }

        int chunkOf(int logical) {
            int remaining = logical;
            for (int i = 0; i < lengths.size(); i++) {
                if (remaining < lengths.get(i)) {
                    return i;
                }
                remaining -= lengths.get(i);
            }
            throw new IllegalStateException("offset " + logical + " is past the annotation's block data");
        }

        int physical(int logical) {
            int remaining = logical;
            for (int i = 0; i < lengths.size(); i++) {
                if (remaining < lengths.get(i)) {
                    return starts.get(i) + remaining;
                }
                remaining -= lengths.get(i);
            }
            throw new IllegalStateException("offset " + logical + " is past the annotation's block data");
        }
    }

    private static int head(byte[] stream, int kind) {
        for (int at = StreamSurgery.indexOf(stream, HEAD, 0); at >= 0; at = StreamSurgery.indexOf(stream, HEAD, at + 1)) {
            if ((stream[at + HEAD.length] & 0xFF) == kind) {
                return at;
            }
        }
        throw new IllegalStateException("the stream holds no Ferry annotation of kind " + kind);
    }

    private static int u2(byte[] data, int at) {
        return (data[at] & 0xFF) << 8 | data[at + 1] & 0xFF;
    }

    private static int s4(byte[] data, int at) {
        return (data[at] & 0xFF) << 24 | (data[at + 1] & 0xFF) << 16 | (data[at + 2] & 0xFF) << 8 | data[at + 3] & 0xFF;
    }
}
