package org.embrec.als;

import java.util.Arrays;
import org.embrec.sequence.Sequences;

/**
 * The binary user x item matrix of training sequences, in CSR form both ways: row {@code u}
 * (sequence {@code u}) holds the distinct items of the sequence, column {@code i} the sequences
 * that hold item {@code i} (an item liked twice counts once). Columns are the dense item ids of
 * the sequences' item id map, so items that occur nowhere have empty columns.
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

    private ImplicitMatrix(int rows, int cols, int[] rowPtr, int[] rowCols, int[] colPtr, int[] colRows) {
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
            }
            Arrays.sort(rowCols, from, nnz);
            rowPtr[s + 1] = nnz;
        }
        rowCols = nnz == rowCols.length ? rowCols : Arrays.copyOf(rowCols, nnz);
        int[] colPtr = new int[cols + 1];
        for (int c = 0; c < cols; c++) {
            colPtr[c + 1] = colPtr[c] + colCount[c];
        }
        int[] fill = Arrays.copyOf(colPtr, cols);
        int[] colRows = new int[nnz];
        for (int s = 0; s < rows; s++) {
            for (int p = rowPtr[s]; p < rowPtr[s + 1]; p++) {
                colRows[fill[rowCols[p]]++] = s;
            }
        }
        return new ImplicitMatrix(rows, cols, rowPtr, rowCols, colPtr, colRows);
    }

    /** Number of observed (distinct) entries. */
    long nonZeros() {
        return rowCols.length;
    }
}
