package cn.zhaoshang.tracker;

import java.util.Collection;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The cases of a parameterized test that tries every row against every column, row by row. */
public final class Matrix {

    private Matrix() {}

    /** Every (row, column) pair. */
    public static Stream<Arguments> everyPair(Collection<?> rows, Collection<?> columns) {
        return rows.stream().flatMap(row -> columns.stream().map(column -> Arguments.of(row, column)));
    }
}
