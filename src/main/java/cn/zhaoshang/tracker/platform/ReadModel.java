package cn.zhaoshang.tracker.platform;

import java.util.List;

/**
 * A projection that can be rebuilt from the whole history: it names its tables (a replay rebuilds them empty, in the
 * shadow schema, ADR 0013) and the queries whose rows, in any order, are its content, so that a rebuilt model can be
 * compared with the one it replaces (surrogate keys left out; no ORDER BY needed: the comparison takes the rows as a
 * multiset).
 * Its handlers write through {@link ReadModelWrites}, which batches them during a replay.
 */
public interface ReadModel {

    String name();

    /** Its tables: a replay rebuilds them in the shadow schema (ADR 0013) and copies them back if they differ. */
    List<String> tables();

    List<String> contentQueries();

    /**
     * Told when a replay replaces its live tables with the rebuilt ones, in the transaction that does it, to drop what
     * it cached from them.
     */
    default void replaced() {}
}
