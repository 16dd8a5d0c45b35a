/** The published language of the project slice: ids, value types, commands and events. */
package cn.zhaoshang.tracker.project.api;
