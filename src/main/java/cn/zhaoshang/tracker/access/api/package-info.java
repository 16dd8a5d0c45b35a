/** The access slice's published language: roles and the events of users' grants, read by the audit. */
package cn.zhaoshang.tracker.access.api;
