package cn.zhaoshang.tracker.platform;

/**
 * Published (as a Spring application event) when a replay has copied a read model's rebuilt tables over its live ones,
 * in the transaction that does so: for whatever keeps what it read from those tables.
 */
public record ReadModelReplaced(String name) {}
