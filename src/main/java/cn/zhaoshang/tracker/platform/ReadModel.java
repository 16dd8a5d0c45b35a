package cn.zhaoshang.tracker.platform;

import java.util.List;

/**
 * A projection that the auditors' replay rebuilds from the whole history and compares with its live tables. Its
 * handlers write through a {@link ReadModelWrites}; the replay runs a second instance of the class, made by
 * {@link #writingTo}, whose writes reach the rebuilt tables instead of the live ones.
 */
public interface ReadModel {

    String name();

    /**
     * Its tables: the replay rebuilds them beside the live ones, compares their rows (every column but an identity, in
     * any order) and copies them over the live ones if they differ.
     */
    List<String> tables();

    /** The same projection writing through {@code writes} (the replay's instance on the rebuilt tables). */
    ReadModel writingTo(ReadModelWrites writes);

    /** Told when a replay replaces its live tables with the rebuilt ones, to drop what it cached from them. */
    default void replaced() {}
}
