package cn.zhaoshang.tracker.zone.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterZone(@TargetAggregateIdentifier String zoneId, String name, String city) {}
