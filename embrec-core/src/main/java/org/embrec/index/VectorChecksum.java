package org.embrec.index;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.embrec.vectors.EmbeddingStore;

/**
 * CRC-32C of a store's ids and raw vector bits: an index records it so that opening it against
 * other vectors fails clearly instead of answering with wrong rows. Stateless.
 */
final class VectorChecksum {
    private VectorChecksum() {}

    static String of(EmbeddingStore store) {
        CRC32C crc = new CRC32C();
        for (int r = 0; r < store.size(); r++) {
            crc.update(store.id(r).getBytes(StandardCharsets.UTF_8));
            crc.update('\n');
        }
        float[] m = store.matrix();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < m.length; ) {
            buf.clear();
            int end = Math.min(m.length, i + buf.capacity() / Float.BYTES);
            buf.asFloatBuffer().put(m, i, end - i);
            crc.update(buf.array(), 0, (end - i) * Float.BYTES);
            i = end;
        }
        return String.format("crc32c:%08x", crc.getValue());
    }
}
