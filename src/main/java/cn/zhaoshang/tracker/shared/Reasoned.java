package cn.zhaoshang.tracker.shared;

/**
 * An event that says why it happened (a retraction, an amendment, a termination, a reviewer's opinion), so that a
 * history can show the reason without knowing every event that carries one.
 */
public interface Reasoned {

    /** Why, in the words of whoever recorded it; null when none was given. */
    String reason();
}
