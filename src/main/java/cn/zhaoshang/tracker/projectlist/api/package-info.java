/** Queries of the project list slice, each with its nested result. */
package cn.zhaoshang.tracker.projectlist.api;
