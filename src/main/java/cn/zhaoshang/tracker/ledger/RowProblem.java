package cn.zhaoshang.tracker.ledger;

/** What is wrong with one cell (or, with a null column, with the row as a whole); rows are numbered as Excel does. */
record RowProblem(int row, String column, String problem) {}
