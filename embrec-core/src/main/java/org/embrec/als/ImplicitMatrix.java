package org.embrec.als;

import java.util.Arrays;
import org.embrec.sequence.Sequences;

/**
 * The binary user x item matrix of training sequences, in CSR form both ways: row {@code u}
 * (sequence {@code u}) holds the distinct items of the sequence, column {@code i} the sequences
 * that hold item {@code i} (an item liked twice counts once). Columns are the dense item ids of
 * the sequences' item id map, so items that occur nowhere have empty columns. When the
 * sequences carry weights, each entry has one too: the sum of its occurrences' weights (the
 * confidence of implicit ALS is {@code 1 + alpha x weight}).
 *
 * <p>Immutable; the arrays are owned by this object and must not be modified.
 */
final class ImplicitMatrix {
    final int rows;
    final int cols;
    final int[] rowPtr;
    final int[] rowCols;
    final int[] colPtr;
    final int[] colRows;
    /** Weight of each entry of {@link #rowCols} / {@link #colRows}, or null when every entry weighs 1. */
    final float[] rowVals;
    final float[] colVals;

    private ImplicitMatrix(int rows, int cols, int[] rowPtr, int[] rowCols, int[] colPtr, int[] colRows,
            float[] rowVals, float[] colVals) {
        this.rowVals = rowVals;
        this.colVals = colVals;
        this.rows = rows;
        this.cols = cols;
        this.rowPtr = rowPtr;
        this.rowCols = rowCols;
        this.colPtr = colPtr;
        this.colRows = colRows;
    }

    /** The matrix of {@code training}: one row per sequence, one column per item of its id map. */
    static ImplicitMatrix of(Sequences training) {
        int rows = training.count();
        int cols = training.itemIds().size();
        int[] items = training.items();
        float[] weights = training.weights();
        float[] acc = weights == null ? null : new float[cols];
        float[] rowVals = weights == null ? null : new float[items.length];
        int[] lastRow = new int[cols];
        Arrays.fill(lastRow, -1);
        int[] rowPtr = new int[rows + 1];
        int[] rowCols = new int[items.length];
        int[] colCount = new int[cols];
        int nnz = 0;
        for (int s = 0; s < rows; s++) {
            int from = nnz;
            for (int p = training.start(s); p < training.end(s); p++) {
                int it = items[p];
                if (lastRow[it] != s) {
                    lastRow[it] = s;
                    rowCols[nnz++] = it;
                    colCount[it]++;
                }
                if (acc != null) {
                    acc[it] += weights[p];
                }
            }
            Arrays.sort(rowCols, from, nnz);
            if (acc != null) {
                for (int q = from; q < nnz; q++) {
                    rowVals[q] = acc[rowCols[q]];
                    acc[rowCols[q]] = 0;
                }
            }
            rowPtr[s + 1] = nnz;
        }
        rowCols = nnz == rowCols.length ? rowCols : Arrays.copyOf(rowCols, nnz);
        rowVals = rowVals == null || nnz == rowVals.length ? rowVals : Arrays.copyOf(rowVals, nnz);
        float[] colVals = rowVals == null ? null : new float[nnz];
        int[] colPtr = new int[cols + 1];
        for (int c = 0; c < cols; c++) {
            colPtr[c + 1] = colPtr[c] + colCount[c];
        }
        int[] fill = Arrays.copyOf(colPtr, cols);
        int[] colRows = new int[nnz];
        for (int s = 0; s < rows; s++) {
            for (int p = rowPtr[s]; p < rowPtr[s + 1]; p++) {
                int at = fill[rowCols[p]]++;
                colRows[at] = s;
                if (colVals != null) {
                    colVals[at] = rowVals[p];
                }
            }
        }
        return new ImplicitMatrix(rows, cols, rowPtr, rowCols, colPtr, colRows, rowVals, colVals);
    }

    /** Number of observed (distinct) entries. */
    long nonZeros() {
        return rowCols.length;
    }
}
