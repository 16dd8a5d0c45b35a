/** The submission slice's published language: its events and statuses. */
package cn.zhaoshang.tracker.submission.api;
