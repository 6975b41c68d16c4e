package org.embrec.spark;

import org.apache.spark.Partitioner;
import scala.Tuple2;

/**
 * Hash partitioning by node id that places an arc {@code (source, target)} with its source
 * node: a walker standing on node {@code v} and the out-arcs of {@code v} land in the same
 * partition, so a walk step joins them without moving the graph. Immutable.
 */
final class NodePartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;

    private final int partitions;

    NodePartitioner(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    /** The partition of a node id, or of an arc's source when the key is a (source, target) pair. */
    @Override
    public int getPartition(Object key) {
        Object node = key instanceof Tuple2<?, ?> arc ? arc._1() : key;
        return Math.floorMod(node.hashCode(), partitions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodePartitioner p && p.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return partitions;
    }
}
