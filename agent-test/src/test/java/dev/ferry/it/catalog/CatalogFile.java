package dev.ferry.it.catalog;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file a catalog writer leaves for a reader: for each scenario its name, how many roots it wrote, the writer's
 * description of them (or why it could not write them) and, for isolated scenarios, the bytes of its own stream;
 * then the bytes of the one stream shared by the shared-section scenarios.
 */
public record CatalogFile(List<Entry> isolated, List<Entry> shared, byte[] sharedStream) {

    private static final String FORMAT = "ferry-it-catalog/1";

    /**
     * @param rootCount how many objects the scenario wrote, -1 if it wrote none
     * @param expected the writer's description of the objects, null if the writer failed
     * @param failure why the writer failed, null if it did not
     * @param stream the scenario's own stream (isolated scenarios), null otherwise
     */
    public record Entry(String name, int rootCount, String expected, String failure, byte[] stream) {

        public static Entry written(String name, int rootCount, String expected, byte[] stream) {
            return new Entry(name, rootCount, expected, null, stream);
        }

        public static Entry failed(String name, int rootCount, String failure) {
            return new Entry(name, rootCount, null, failure, null);
        }

        public boolean inStream() {
            return rootCount >= 0;
        }
    }

    public void writeTo(Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
            out.writeUTF(FORMAT);
            writeEntries(out, isolated);
            writeEntries(out, shared);
            writeBytes(out, sharedStream);
        }
    }

    public static CatalogFile readFrom(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            String format = in.readUTF();
            if (!FORMAT.equals(format)) {
                throw new IOException("not a catalog file: " + format);
            }
            List<Entry> isolated = readEntries(in);
            List<Entry> shared = readEntries(in);
            return new CatalogFile(isolated, shared, readBytes(in));
        }
    }

    private static void writeEntries(DataOutputStream out, List<Entry> entries) throws IOException {
        out.writeInt(entries.size());
        for (Entry entry : entries) {
            out.writeUTF(entry.name());
            out.writeInt(entry.rootCount());
            out.writeBoolean(entry.failure() == null);
            out.writeUTF(entry.failure() == null ? entry.expected() : entry.failure());
            writeBytes(out, entry.stream());
        }
    }

    private static List<Entry> readEntries(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int rootCount = in.readInt();
            boolean succeeded = in.readBoolean();
            String text = in.readUTF();
            byte[] stream = readBytes(in);
            entries.add(succeeded ? Entry.written(name, rootCount, text, stream)
                    : new Entry(name, rootCount, null, text, stream));
        }
        return entries;
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            out.write(bytes);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : in.readNBytes(length);
    }
}
