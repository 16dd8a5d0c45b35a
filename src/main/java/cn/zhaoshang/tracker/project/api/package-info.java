/** The published language of the project slice: ids, value types, commands, events and the queries for a project's detail and list (answered by the projectlist slice). */
package cn.zhaoshang.tracker.project.api;
