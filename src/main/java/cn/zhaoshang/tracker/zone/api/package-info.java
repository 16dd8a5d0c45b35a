/** The published language of the zone slice: its commands, events and the directory of known zones. */
package cn.zhaoshang.tracker.zone.api;
