/**
 * 访问记录: who read what — sign-ins, exports, verifications, replays and the 月报 that left the building — in an
 * append-only table of its own, with the auditors' API and page. Other slices record through
 * {@link cn.zhaoshang.tracker.shared.AccessRecords}.
 */
package cn.zhaoshang.tracker.accesslog;
