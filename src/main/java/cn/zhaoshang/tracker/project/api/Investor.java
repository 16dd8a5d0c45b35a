package cn.zhaoshang.tracker.project.api;

/** The investor behind a project; {@code top500} is null when it is in none of the three lists. */
public record Investor(String name, String country, Top500 top500) {}
