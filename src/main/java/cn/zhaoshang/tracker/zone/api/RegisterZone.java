package cn.zhaoshang.tracker.zone.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a zone of {@code city}; a city's zones all belong to one {@code province}. */
public record RegisterZone(@TargetAggregateIdentifier String zoneId, String name, String city, String province) {}
